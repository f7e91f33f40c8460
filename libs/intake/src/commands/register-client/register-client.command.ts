import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { RegisterClientDto } from './register-client.dto';

export class RegisterClientCommand {
  constructor(
    readonly input: RegisterClientDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const registerClient: CommandDefinition<RegisterClientDto> = {
  type: 'RegisterClient',
  dto: RegisterClientDto,
  centerOf: (dto) => dto.centerId,
  build: (dto, metadata) => new RegisterClientCommand(dto, metadata),
};
