import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { ConvertInternshipDto } from './convert-internship.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class ConvertInternshipCommand {
  constructor(
    readonly input: ConvertInternshipDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const convertInternship: CommandDefinition<ConvertInternshipDto> = {
  type: 'ConvertInternship',
  dto: ConvertInternshipDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'internship', field: 'internshipId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.convertedOn),
  build: (dto, metadata) => new ConvertInternshipCommand(dto, metadata),
};
