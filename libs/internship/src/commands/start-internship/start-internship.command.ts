import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_FROM_CASE, occurredAtOfDay } from '../command-support';
import { StartInternshipDto } from './start-internship.dto';

export class StartInternshipCommand {
  constructor(
    readonly input: StartInternshipDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const startInternship: CommandDefinition<StartInternshipDto> = {
  type: 'StartInternship',
  dto: StartInternshipDto,
  centerOf: () => CENTER_FROM_CASE,
  occurredAtOf: (dto) => occurredAtOfDay(dto.startOn),
  build: (dto, metadata) => new StartInternshipCommand(dto, metadata),
};
