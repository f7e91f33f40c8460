import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@saeil/event-store';
import { CLOCK, Clock } from '@saeil/core';
import { ClientCommandResult, handleCaseCommand } from '../case-command';
import { GiveConsentCommand } from './give-consent.command';

@CommandHandler(GiveConsentCommand)
export class GiveConsentHandler implements ICommandHandler<GiveConsentCommand, ClientCommandResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: GiveConsentCommand): Promise<ClientCommandResult> {
    const { clientId, purpose, version, givenOn } = input;
    return handleCaseCommand(this.store, { clientId, commandType: 'GiveConsent', input, metadata }, () => ({
      command: { type: 'GiveConsent', clientId, purpose, version, givenOn, today: this.clock.today() },
    }));
  }
}
