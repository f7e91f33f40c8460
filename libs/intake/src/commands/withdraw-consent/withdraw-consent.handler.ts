import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@saeil/event-store';
import { CLOCK, Clock } from '@saeil/core';
import { ClientCommandResult, handleCaseCommand } from '../case-command';
import { WithdrawConsentCommand } from './withdraw-consent.command';

/** Withdrawal is her right: allowed on a closed case too; only an active consent can be withdrawn. */
@CommandHandler(WithdrawConsentCommand)
export class WithdrawConsentHandler implements ICommandHandler<WithdrawConsentCommand, ClientCommandResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: WithdrawConsentCommand): Promise<ClientCommandResult> {
    const { clientId, purpose, withdrawnOn } = input;
    return handleCaseCommand(this.store, { clientId, commandType: 'WithdrawConsent', input, metadata }, () => ({
      command: { type: 'WithdrawConsent', clientId, purpose, withdrawnOn, today: this.clock.today() },
    }));
  }
}
