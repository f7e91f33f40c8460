import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { AmendBudgetPlanDto } from './amend-budget-plan.dto';

export class AmendBudgetPlanCommand {
  constructor(
    readonly input: AmendBudgetPlanDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const amendBudgetPlan: CommandDefinition<AmendBudgetPlanDto> = {
  type: 'AmendBudgetPlan',
  dto: AmendBudgetPlanDto,
  access: { roles: ['supervisor'], records: [{ kind: 'budgetPlan', field: 'planId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.amendedOn),
  build: (dto, metadata) => new AmendBudgetPlanCommand(dto, metadata),
};
