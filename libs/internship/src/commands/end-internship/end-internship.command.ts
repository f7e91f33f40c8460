import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_FROM_CASE, occurredAtOfDay } from '../command-support';
import { EndInternshipDto } from './end-internship.dto';

export class EndInternshipCommand {
  constructor(
    readonly input: EndInternshipDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const endInternship: CommandDefinition<EndInternshipDto> = {
  type: 'EndInternship',
  dto: EndInternshipDto,
  centerOf: () => CENTER_FROM_CASE,
  occurredAtOf: (dto) => occurredAtOfDay(dto.endedOn),
  build: (dto, metadata) => new EndInternshipCommand(dto, metadata),
};
