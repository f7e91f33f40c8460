import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { StartEmploymentDto } from './start-employment.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class StartEmploymentCommand {
  constructor(
    readonly input: StartEmploymentDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const startEmployment: CommandDefinition<StartEmploymentDto> = {
  type: 'StartEmployment',
  dto: StartEmploymentDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  references: [{ kind: 'employer', field: 'employerId' }],
  occurredAtOf: (dto) => occurredAtOfDay(dto.startOn),
  build: (dto, metadata) => new StartEmploymentCommand(dto, metadata),
};
