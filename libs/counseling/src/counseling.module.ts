import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { COUNSELING_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { RecordCounselingSessionController } from './commands/record-counseling-session/record-counseling-session.controller';
import { RecordCounselingSessionHandler } from './commands/record-counseling-session/record-counseling-session.handler';
import { recordCounselingSession } from './commands/record-counseling-session/record-counseling-session.command';
import { SetEmploymentPlanController } from './commands/set-employment-plan/set-employment-plan.controller';
import { SetEmploymentPlanHandler } from './commands/set-employment-plan/set-employment-plan.handler';
import { setEmploymentPlan } from './commands/set-employment-plan/set-employment-plan.command';
import { ReviseEmploymentPlanController } from './commands/revise-employment-plan/revise-employment-plan.controller';
import { ReviseEmploymentPlanHandler } from './commands/revise-employment-plan/revise-employment-plan.handler';
import { reviseEmploymentPlan } from './commands/revise-employment-plan/revise-employment-plan.command';
import { CreateGroupProgramController } from './commands/create-group-program/create-group-program.controller';
import { CreateGroupProgramHandler } from './commands/create-group-program/create-group-program.handler';
import { createGroupProgram } from './commands/create-group-program/create-group-program.command';
import { RecordGroupSessionController } from './commands/record-group-session/record-group-session.controller';
import { RecordGroupSessionHandler } from './commands/record-group-session/record-group-session.handler';
import { recordGroupSession } from './commands/record-group-session/record-group-session.command';
import { RecordOutreachEventController } from './commands/record-outreach-event/record-outreach-event.controller';
import { RecordOutreachEventHandler } from './commands/record-outreach-event/record-outreach-event.handler';
import { recordOutreachEvent } from './commands/record-outreach-event/record-outreach-event.command';
import { ListCounselingSessionsController } from './queries/list-counseling-sessions/list-counseling-sessions.controller';
import { ListCounselingSessionsHandler } from './queries/list-counseling-sessions/list-counseling-sessions.handler';
import { GetEmploymentPlanController } from './queries/get-employment-plan/get-employment-plan.controller';
import { GetEmploymentPlanHandler } from './queries/get-employment-plan/get-employment-plan.handler';
import { GetGroupProgramController } from './queries/get-group-program/get-group-program.controller';
import { GetGroupProgramHandler } from './queries/get-group-program/get-group-program.handler';

@Module({
  imports: [CqrsModule],
  controllers: [
    RecordCounselingSessionController,
    ListCounselingSessionsController,
    SetEmploymentPlanController,
    ReviseEmploymentPlanController,
    GetEmploymentPlanController,
    CreateGroupProgramController,
    RecordGroupSessionController,
    GetGroupProgramController,
    RecordOutreachEventController,
  ],
  providers: [
    RecordCounselingSessionHandler,
    SetEmploymentPlanHandler,
    ReviseEmploymentPlanHandler,
    CreateGroupProgramHandler,
    RecordGroupSessionHandler,
    RecordOutreachEventHandler,
    ListCounselingSessionsHandler,
    GetEmploymentPlanHandler,
    GetGroupProgramHandler,
  ],
})
export class CounselingModule {}

/**
 * 상담: individual sessions and the employment plan (per client), group programs, mobile
 * outreach. No read model: the queries read the streams they describe.
 */
export const counselingModule: SaeilModuleDefinition = {
  name: 'counseling',
  contexts: [COUNSELING_CONTEXT],
  migrations: [],
  projections: [],
  commands: [
    recordCounselingSession,
    setEmploymentPlan,
    reviseEmploymentPlan,
    createGroupProgram,
    recordGroupSession,
    recordOutreachEvent,
  ],
  nestModule: CounselingModule,
  // CounselingSessionRecorded version 2 seals the notes. Being pure, the upcaster cannot seal a
  // version 1 event's notes: it lifts it as it is and readers accept both (`sealedNotes` or
  // `notes`); registering it makes new sessions be written at version 2.
  registerUpcasters: (registry) => registry.register('CounselingSessionRecorded', 1, (data) => data),
};
