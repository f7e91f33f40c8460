import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { ConvertInternshipDto } from './convert-internship.dto';

export class ConvertInternshipCommand {
  constructor(
    readonly input: ConvertInternshipDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const convertInternship: CommandDefinition<ConvertInternshipDto> = {
  type: 'ConvertInternship',
  dto: ConvertInternshipDto,
  occurredAtOf: (dto) => occurredAtOfDay(dto.convertedOn),
  build: (dto, metadata) => new ConvertInternshipCommand(dto, metadata),
};
