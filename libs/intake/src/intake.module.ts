import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { INTAKE_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { RegisterClientController } from './commands/register-client/register-client.controller';
import { RegisterClientHandler } from './commands/register-client/register-client.handler';
import { registerClient } from './commands/register-client/register-client.command';
import { GiveConsentController } from './commands/give-consent/give-consent.controller';
import { GiveConsentHandler } from './commands/give-consent/give-consent.handler';
import { giveConsent } from './commands/give-consent/give-consent.command';
import { WithdrawConsentController } from './commands/withdraw-consent/withdraw-consent.controller';
import { WithdrawConsentHandler } from './commands/withdraw-consent/withdraw-consent.handler';
import { withdrawConsent } from './commands/withdraw-consent/withdraw-consent.command';
import { UpdateClientProfileController } from './commands/update-client-profile/update-client-profile.controller';
import { UpdateClientProfileHandler } from './commands/update-client-profile/update-client-profile.handler';
import { updateClientProfile } from './commands/update-client-profile/update-client-profile.command';
import { AssignCounselorController } from './commands/assign-counselor/assign-counselor.controller';
import { AssignCounselorHandler } from './commands/assign-counselor/assign-counselor.handler';
import { assignCounselor } from './commands/assign-counselor/assign-counselor.command';
import { CloseCaseController } from './commands/close-case/close-case.controller';
import { CloseCaseHandler } from './commands/close-case/close-case.handler';
import { closeCase } from './commands/close-case/close-case.command';
import { ReopenCaseController } from './commands/reopen-case/reopen-case.controller';
import { ReopenCaseHandler } from './commands/reopen-case/reopen-case.handler';
import { reopenCase } from './commands/reopen-case/reopen-case.command';
import { EraseClientDataController } from './commands/erase-client-data/erase-client-data.controller';
import { EraseClientDataHandler } from './commands/erase-client-data/erase-client-data.handler';
import { eraseClientDataCommand } from './commands/erase-client-data/erase-client-data.command';
import { ReassignCaseloadController } from './commands/reassign-caseload/reassign-caseload.controller';
import { ReassignCaseloadHandler } from './commands/reassign-caseload/reassign-caseload.handler';
import { reassignCaseload } from './commands/reassign-caseload/reassign-caseload.command';
import { ClientIdentityKeys1732240200000 } from './migrations/1732240200000-client-identity-keys';
import { CaseClosedIndex1732280000000 } from './migrations/1732280000000-case-closed-index';
import { ClientSearchKeys1732290000100 } from './migrations/1732290000100-client-search-keys';
import { CaseloadReassignments1733660000000 } from './migrations/1733660000000-caseload-reassignments';
import { identityHasherProvider } from './identity/identity-hasher';
import { registerIntakeUpcasters } from './events/upcasters';
import { retentionErasureJob } from './erasure/retention-erasure.job';
import { GetClientController } from './queries/get-client/get-client.controller';
import { GetClientHandler } from './queries/get-client/get-client.handler';

@Module({
  imports: [CqrsModule],
  controllers: [
    RegisterClientController,
    GiveConsentController,
    WithdrawConsentController,
    UpdateClientProfileController,
    AssignCounselorController,
    CloseCaseController,
    ReopenCaseController,
    EraseClientDataController,
    GetClientController,
    ReassignCaseloadController,
  ],
  providers: [
    identityHasherProvider,
    RegisterClientHandler,
    GiveConsentHandler,
    WithdrawConsentHandler,
    UpdateClientProfileHandler,
    AssignCounselorHandler,
    CloseCaseHandler,
    ReopenCaseHandler,
    EraseClientDataHandler,
    GetClientHandler,
    ReassignCaseloadHandler,
  ],
})
export class IntakeModule {}

export const intakeModule: SaeilModuleDefinition = {
  name: 'intake',
  contexts: [INTAKE_CONTEXT],
  migrations: [
    ClientIdentityKeys1732240200000,
    CaseClosedIndex1732280000000,
    ClientSearchKeys1732290000100,
    CaseloadReassignments1733660000000,
  ],
  projections: [],
  jobs: [retentionErasureJob],
  commands: [
    registerClient,
    giveConsent,
    withdrawConsent,
    updateClientProfile,
    assignCounselor,
    closeCase,
    reopenCase,
    eraseClientDataCommand,
    reassignCaseload,
  ],
  registerUpcasters: registerIntakeUpcasters,
  nestModule: IntakeModule,
};
