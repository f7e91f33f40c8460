import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { UpdateClientProfileDto } from './update-client-profile.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class UpdateClientProfileCommand {
  constructor(
    readonly input: UpdateClientProfileDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const updateClientProfile: CommandDefinition<UpdateClientProfileDto> = {
  type: 'UpdateClientProfile',
  dto: UpdateClientProfileDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  build: (dto, metadata) => new UpdateClientProfileCommand(dto, metadata),
};
