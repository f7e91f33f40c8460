import type { EventMetadata } from '@saeil/event-store';
import type { RegisterClientDto } from './register-client.dto';

export class RegisterClientCommand {
  constructor(
    readonly input: RegisterClientDto,
    readonly metadata: EventMetadata,
  ) {}
}
