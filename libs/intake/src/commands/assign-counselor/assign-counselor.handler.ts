import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@saeil/event-store';
import { ClientCommandResult, handleCaseCommand } from '../case-command';
import { AssignCounselorCommand } from './assign-counselor.command';

@CommandHandler(AssignCounselorCommand)
export class AssignCounselorHandler implements ICommandHandler<AssignCounselorCommand, ClientCommandResult> {
  constructor(private readonly store: EventStore) {}

  execute({ input, metadata }: AssignCounselorCommand): Promise<ClientCommandResult> {
    const { clientId, centerId, counselorId, reason } = input;
    return handleCaseCommand(this.store, { clientId, commandType: 'AssignCounselor', input, metadata }, () => ({
      command: {
        type: 'AssignCounselor',
        clientId,
        centerId,
        counselorId,
        ...(reason !== undefined ? { reason: reason.trim() } : {}),
      },
    }));
  }
}
