import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@saeil/event-store';
import { CLOCK, Clock } from '@saeil/core';
import { ClientCommandResult, handleCaseCommand } from '../case-command';
import { CloseCaseCommand } from './close-case.command';

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand, ClientCommandResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: CloseCaseCommand): Promise<ClientCommandResult> {
    const { clientId, reason, closedOn } = input;
    return handleCaseCommand(this.store, { clientId, commandType: 'CloseCase', input, metadata }, () => ({
      command: { type: 'CloseCase', clientId, reason, closedOn, today: this.clock.today() },
    }));
  }
}
