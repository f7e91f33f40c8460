import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_CASE } from '../case-command';
import { UpdateClientProfileDto } from './update-client-profile.dto';

export class UpdateClientProfileCommand {
  constructor(
    readonly input: UpdateClientProfileDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const updateClientProfile: CommandDefinition<UpdateClientProfileDto> = {
  type: 'UpdateClientProfile',
  dto: UpdateClientProfileDto,
  centerOf: () => CENTER_OF_CASE,
  build: (dto, metadata) => new UpdateClientProfileCommand(dto, metadata),
};
