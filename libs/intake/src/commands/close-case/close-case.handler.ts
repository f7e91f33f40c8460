import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@saeil/event-store';
import { todayInKorea } from '@saeil/core';
import { ClientCommandResult, handleCaseCommand } from '../case-command';
import { CloseCaseCommand } from './close-case.command';

@CommandHandler(CloseCaseCommand)
export class CloseCaseHandler implements ICommandHandler<CloseCaseCommand, ClientCommandResult> {
  constructor(private readonly store: EventStore) {}

  execute({ input, metadata }: CloseCaseCommand): Promise<ClientCommandResult> {
    const { clientId, reason, closedOn } = input;
    return handleCaseCommand(this.store, { clientId, commandType: 'CloseCase', input, metadata }, () => ({
      command: { type: 'CloseCase', clientId, reason, closedOn, today: todayInKorea() },
    }));
  }
}
