import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { KPI_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { defineKpiPlan } from './commands/define-kpi-plan/define-kpi-plan.command';
import { DefineKpiPlanController } from './commands/define-kpi-plan/define-kpi-plan.controller';
import { DefineKpiPlanHandler } from './commands/define-kpi-plan/define-kpi-plan.handler';
import { enterKpiActual } from './commands/enter-kpi-actual/enter-kpi-actual.command';
import { EnterKpiActualController } from './commands/enter-kpi-actual/enter-kpi-actual.controller';
import { EnterKpiActualHandler } from './commands/enter-kpi-actual/enter-kpi-actual.handler';
import { KpiAchievementController } from './queries/kpi-achievement/kpi-achievement.controller';
import { KpiAchievementHandler } from './queries/kpi-achievement/kpi-achievement.handler';
import { KpiAchievements } from './queries/kpi-achievement/kpi-achievements';
import { kpiPlansProjection } from './projections/kpi-plans.projection';
import { KpiPlans1732240750000 } from './migrations/1732240750000-kpi-plans';
import { KpiPlanDecimals1733650000000 } from './migrations/1733650000000-kpi-plan-decimals';
import { KpiSource } from './kpi-source';

/**
 * KPI plans (확인지표): indicators, entered actuals, achievement. Global, so the Ministry report
 * reads achievements through `KpiSource` without importing this module.
 */
@Global()
@Module({
  imports: [CqrsModule],
  controllers: [DefineKpiPlanController, EnterKpiActualController, KpiAchievementController],
  providers: [
    DefineKpiPlanHandler,
    EnterKpiActualHandler,
    KpiAchievementHandler,
    KpiAchievements,
    { provide: KpiSource, useExisting: KpiAchievements },
  ],
  exports: [KpiSource],
})
export class KpiModule {}

export const kpiModule: SaeilModuleDefinition = {
  name: 'kpi',
  contexts: [KPI_CONTEXT],
  migrations: [KpiPlans1732240750000, KpiPlanDecimals1733650000000],
  projections: [kpiPlansProjection],
  commands: [defineKpiPlan, enterKpiActual],
  nestModule: KpiModule,
};
