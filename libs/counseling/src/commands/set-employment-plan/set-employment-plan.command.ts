import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { SetEmploymentPlanDto } from './set-employment-plan.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class SetEmploymentPlanCommand {
  constructor(
    readonly input: SetEmploymentPlanDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const setEmploymentPlan: CommandDefinition<SetEmploymentPlanDto> = {
  type: 'SetEmploymentPlan',
  dto: SetEmploymentPlanDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  references: [{ kind: 'counselor', field: 'counselorId', within: { clientField: 'clientId' } }],
  occurredAtOf: (dto) => occurredAtOfDay(dto.setOn),
  build: (dto, metadata) => new SetEmploymentPlanCommand(dto, metadata),
};
