import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_HER_CASE, occurredAtOfDay } from '../command-support';
import { EndEmploymentDto } from './end-employment.dto';

export class EndEmploymentCommand {
  constructor(
    readonly input: EndEmploymentDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const endEmployment: CommandDefinition<EndEmploymentDto> = {
  type: 'EndEmployment',
  dto: EndEmploymentDto,
  centerOf: () => CENTER_OF_HER_CASE,
  occurredAtOf: (dto) => occurredAtOfDay(dto.endedOn),
  build: (dto, metadata) => new EndEmploymentCommand(dto, metadata),
};
