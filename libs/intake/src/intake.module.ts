import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { INTAKE_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { RegisterClientController } from './commands/register-client/register-client.controller';
import { RegisterClientHandler } from './commands/register-client/register-client.handler';
import { FindCaseloadController } from './queries/find-caseload/find-caseload.controller';
import { FindCaseloadHandler } from './queries/find-caseload/find-caseload.handler';
import { caseloadProjection } from './projections/caseload.projection';
import { Caseload1732240100000 } from './migrations/1732240100000-caseload';
import { registerClient } from './commands/register-client/register-client.command';

@Module({
  imports: [CqrsModule],
  controllers: [RegisterClientController, FindCaseloadController],
  providers: [RegisterClientHandler, FindCaseloadHandler],
})
export class IntakeModule {}

export const intakeModule: SaeilModuleDefinition = {
  name: 'intake',
  contexts: [INTAKE_CONTEXT],
  migrations: [Caseload1732240100000],
  projections: [caseloadProjection],
  commands: [registerClient],
  nestModule: IntakeModule,
};
