import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { DefineBudgetPlanDto } from './define-budget-plan.dto';

export class DefineBudgetPlanCommand {
  constructor(
    readonly input: DefineBudgetPlanDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const defineBudgetPlan: CommandDefinition<DefineBudgetPlanDto> = {
  type: 'DefineBudgetPlan',
  dto: DefineBudgetPlanDto,
  // Supervisors alone set their center's plans, as they define its retention programs.
  access: { roles: ['supervisor'] },
  references: [{ kind: 'retentionProgram', field: 'programId' }],
  centerOf: (dto) => dto.centerId,
  build: (dto, metadata) => new DefineBudgetPlanCommand(dto, metadata),
};
