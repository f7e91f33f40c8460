import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { EraseClientDataDto } from './erase-client-data.dto';

export class EraseClientDataCommand {
  constructor(
    readonly input: EraseClientDataDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const eraseClientDataCommand: CommandDefinition<EraseClientDataDto> = {
  type: 'EraseClientData',
  dto: EraseClientDataDto,
  access: { roles: ['supervisor', 'administrator'], records: [{ kind: 'client', field: 'clientId' }] },
  build: (dto, metadata) => new EraseClientDataCommand(dto, metadata),
};
