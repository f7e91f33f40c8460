import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
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
  occurredAtOf: (dto) => occurredAtOfDay(dto.endedOn),
  build: (dto, metadata) => new EndEmploymentCommand(dto, metadata),
};
