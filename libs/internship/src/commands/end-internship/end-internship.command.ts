import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { EndInternshipDto } from './end-internship.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class EndInternshipCommand {
  constructor(
    readonly input: EndInternshipDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const endInternship: CommandDefinition<EndInternshipDto> = {
  type: 'EndInternship',
  dto: EndInternshipDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'internship', field: 'internshipId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.endedOn),
  build: (dto, metadata) => new EndInternshipCommand(dto, metadata),
};
