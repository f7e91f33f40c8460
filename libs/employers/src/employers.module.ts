import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EMPLOYERS_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { registerEmployer } from './commands/register-employer/register-employer.command';
import { RegisterEmployerController } from './commands/register-employer/register-employer.controller';
import { RegisterEmployerHandler } from './commands/register-employer/register-employer.handler';
import { provideEmployerService } from './commands/provide-employer-service/provide-employer-service.command';
import { ProvideEmployerServiceController } from './commands/provide-employer-service/provide-employer-service.controller';
import { ProvideEmployerServiceHandler } from './commands/provide-employer-service/provide-employer-service.handler';
import { signAgreement } from './commands/sign-agreement/sign-agreement.command';
import { SignAgreementController } from './commands/sign-agreement/sign-agreement.controller';
import { SignAgreementHandler } from './commands/sign-agreement/sign-agreement.handler';
import { renewAgreement } from './commands/renew-agreement/renew-agreement.command';
import { RenewAgreementController } from './commands/renew-agreement/renew-agreement.controller';
import { RenewAgreementHandler } from './commands/renew-agreement/renew-agreement.handler';
import { endAgreement } from './commands/end-agreement/end-agreement.command';
import { EndAgreementController } from './commands/end-agreement/end-agreement.controller';
import { EndAgreementHandler } from './commands/end-agreement/end-agreement.handler';
import { recordJobFair } from './commands/record-job-fair/record-job-fair.command';
import { RecordJobFairController } from './commands/record-job-fair/record-job-fair.controller';
import { RecordJobFairHandler } from './commands/record-job-fair/record-job-fair.handler';
import { holdCouncilMeeting } from './commands/hold-council-meeting/hold-council-meeting.command';
import { HoldCouncilMeetingController } from './commands/hold-council-meeting/hold-council-meeting.controller';
import { HoldCouncilMeetingHandler } from './commands/hold-council-meeting/hold-council-meeting.handler';

@Module({
  imports: [CqrsModule],
  controllers: [
    RegisterEmployerController,
    ProvideEmployerServiceController,
    SignAgreementController,
    RenewAgreementController,
    EndAgreementController,
    RecordJobFairController,
    HoldCouncilMeetingController,
  ],
  providers: [
    RegisterEmployerHandler,
    ProvideEmployerServiceHandler,
    SignAgreementHandler,
    RenewAgreementHandler,
    EndAgreementHandler,
    RecordJobFairHandler,
    HoldCouncilMeetingHandler,
  ],
})
export class EmployersModule {}

export const employersModule: SaeilModuleDefinition = {
  name: 'employers',
  contexts: [EMPLOYERS_CONTEXT],
  migrations: [],
  projections: [],
  commands: [
    registerEmployer,
    provideEmployerService,
    signAgreement,
    renewAgreement,
    endAgreement,
    recordJobFair,
    holdCouncilMeeting,
  ],
  nestModule: EmployersModule,
};
