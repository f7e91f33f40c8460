import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { StartInternshipDto } from './start-internship.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class StartInternshipCommand {
  constructor(
    readonly input: StartInternshipDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const startInternship: CommandDefinition<StartInternshipDto> = {
  type: 'StartInternship',
  dto: StartInternshipDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.startOn),
  build: (dto, metadata) => new StartInternshipCommand(dto, metadata),
};
