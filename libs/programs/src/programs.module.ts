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

/** Retention programs (사후관리 프로그램): plan and budget, benefits given, utilization and execution. */
@Module({
  imports: [CqrsModule],
  controllers: [DefineRetentionProgramController, AmendRetentionProgramController, ProvideRetentionBenefitController, ListRetentionProgramsController, GetRetentionProgramController],
  providers: [DefineRetentionProgramHandler, AmendRetentionProgramHandler, ProvideRetentionBenefitHandler, GetRetentionProgramHandler, ListRetentionProgramsHandler, ProgramViews],
})
export class ProgramsModule {}

export const programsModule: SaeilModuleDefinition = {
  name: 'programs',
  contexts: [PROGRAMS_CONTEXT],
  migrations: [RetentionPrograms1732240700000],
  projections: [retentionProgramsProjection],
  commands: [defineRetentionProgram, amendRetentionProgram, provideRetentionBenefit],
  nestModule: ProgramsModule,
};
