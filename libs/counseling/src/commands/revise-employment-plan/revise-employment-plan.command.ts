import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { ReviseEmploymentPlanDto } from './revise-employment-plan.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class ReviseEmploymentPlanCommand {
  constructor(
    readonly input: ReviseEmploymentPlanDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const reviseEmploymentPlan: CommandDefinition<ReviseEmploymentPlanDto> = {
  type: 'ReviseEmploymentPlan',
  dto: ReviseEmploymentPlanDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.revisedOn),
  build: (dto, metadata) => new ReviseEmploymentPlanCommand(dto, metadata),
};
