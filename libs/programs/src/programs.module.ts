import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PROGRAMS_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { defineRetentionProgram } from './commands/define-retention-program/define-retention-program.command';
import { DefineRetentionProgramController } from './commands/define-retention-program/define-retention-program.controller';
import { DefineRetentionProgramHandler } from './commands/define-retention-program/define-retention-program.handler';
import { amendRetentionProgram } from './commands/amend-retention-program/amend-retention-program.command';
import { AmendRetentionProgramController } from './commands/amend-retention-program/amend-retention-program.controller';
import { AmendRetentionProgramHandler } from './commands/amend-retention-program/amend-retention-program.handler';
import { provideRetentionBenefit } from './commands/provide-retention-benefit/provide-retention-benefit.command';
import { ProvideRetentionBenefitController } from './commands/provide-retention-benefit/provide-retention-benefit.controller';
import { ProvideRetentionBenefitHandler } from './commands/provide-retention-benefit/provide-retention-benefit.handler';
import { GetRetentionProgramController } from './queries/get-retention-program/get-retention-program.controller';
import { GetRetentionProgramHandler } from './queries/get-retention-program/get-retention-program.handler';
import { ListRetentionProgramsController } from './queries/list-retention-programs/list-retention-programs.controller';
import { ListRetentionProgramsHandler } from './queries/list-retention-programs/list-retention-programs.handler';
import { ProgramViews } from './queries/program-views';
import { retentionProgramsProjection } from './projections/retention-programs.projection';
import { RetentionPrograms1732240700000 } from './migrations/1732240700000-retention-programs';
import { defineBudgetPlan } from './commands/define-budget-plan/define-budget-plan.command';
import { DefineBudgetPlanController } from './commands/define-budget-plan/define-budget-plan.controller';
import { DefineBudgetPlanHandler } from './commands/define-budget-plan/define-budget-plan.handler';
import { amendBudgetPlan } from './commands/amend-budget-plan/amend-budget-plan.command';
import { AmendBudgetPlanController } from './commands/amend-budget-plan/amend-budget-plan.controller';
import { AmendBudgetPlanHandler } from './commands/amend-budget-plan/amend-budget-plan.handler';
import { recordBudgetExecution } from './commands/record-budget-execution/record-budget-execution.command';
import { RecordBudgetExecutionController } from './commands/record-budget-execution/record-budget-execution.controller';
import { RecordBudgetExecutionHandler } from './commands/record-budget-execution/record-budget-execution.handler';
import { GetBudgetPlanController } from './queries/get-budget-plan/get-budget-plan.controller';
import { GetBudgetPlanHandler } from './queries/get-budget-plan/get-budget-plan.handler';
import { ListBudgetPlansController } from './queries/list-budget-plans/list-budget-plans.controller';
import { ListBudgetPlansHandler } from './queries/list-budget-plans/list-budget-plans.handler';
import { BudgetViews } from './queries/budget-views';
import { budgetPlansProjection } from './projections/budget-plans.projection';
import { BudgetPlans1733600000000 } from './migrations/1733600000000-budget-plans';

/**
 * Retention programs (사후관리 프로그램): plan and budget, benefits given, utilization and execution;
 * budget plans (예산 계획) of a program or another project: secured per year and source, amendments,
 * execution entries and corrections, execution rates.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    DefineRetentionProgramController,
    AmendRetentionProgramController,
    ProvideRetentionBenefitController,
    ListRetentionProgramsController,
    GetRetentionProgramController,
    DefineBudgetPlanController,
    AmendBudgetPlanController,
    RecordBudgetExecutionController,
    ListBudgetPlansController,
    GetBudgetPlanController,
  ],
  providers: [
    DefineRetentionProgramHandler,
    AmendRetentionProgramHandler,
    ProvideRetentionBenefitHandler,
    GetRetentionProgramHandler,
    ListRetentionProgramsHandler,
    ProgramViews,
    DefineBudgetPlanHandler,
    AmendBudgetPlanHandler,
    RecordBudgetExecutionHandler,
    GetBudgetPlanHandler,
    ListBudgetPlansHandler,
    BudgetViews,
  ],
})
export class ProgramsModule {}

export const programsModule: SaeilModuleDefinition = {
  name: 'programs',
  contexts: [PROGRAMS_CONTEXT],
  migrations: [RetentionPrograms1732240700000, BudgetPlans1733600000000],
  projections: [retentionProgramsProjection, budgetPlansProjection],
  commands: [
    defineRetentionProgram,
    amendRetentionProgram,
    provideRetentionBenefit,
    defineBudgetPlan,
    amendBudgetPlan,
    recordBudgetExecution,
  ],
  nestModule: ProgramsModule,
};
