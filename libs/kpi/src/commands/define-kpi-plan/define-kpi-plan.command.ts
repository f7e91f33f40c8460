import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { DefineKpiPlanDto } from './define-kpi-plan.dto';

export class DefineKpiPlanCommand {
  constructor(
    readonly input: DefineKpiPlanDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const defineKpiPlan: CommandDefinition<DefineKpiPlanDto> = {
  type: 'DefineKpiPlan',
  dto: DefineKpiPlanDto,
  access: { roles: ['supervisor'] },
  centerOf: (dto) => dto.centerId,
  build: (dto, metadata) => new DefineKpiPlanCommand(dto, metadata),
};
