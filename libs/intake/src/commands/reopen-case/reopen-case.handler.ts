import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@saeil/event-store';
import { CLOCK, Clock } from '@saeil/core';
import { ClientCommandResult, handleCaseCommand } from '../case-command';
import { ReopenCaseCommand } from './reopen-case.command';

@CommandHandler(ReopenCaseCommand)
export class ReopenCaseHandler implements ICommandHandler<ReopenCaseCommand, ClientCommandResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: ReopenCaseCommand): Promise<ClientCommandResult> {
    const { clientId, reason, reopenedOn } = input;
    return handleCaseCommand(this.store, { clientId, commandType: 'ReopenCase', input, metadata }, () => ({
      command: { type: 'ReopenCase', clientId, reason, reopenedOn, today: this.clock.today() },
    }));
  }
}
