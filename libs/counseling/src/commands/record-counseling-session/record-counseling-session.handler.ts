import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { todayInKorea } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { COUNSELING_CONTEXT, counselingStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { clientCounselingDecider } from '../../domain/client-counseling.decider';
import { RecordCounselingSessionCommand } from './record-counseling-session.command';

export interface RecordCounselingSessionResult extends CommandResult {
  clientId: string;
  sessionId: string;
}

@CommandHandler(RecordCounselingSessionCommand)
export class RecordCounselingSessionHandler implements ICommandHandler<RecordCounselingSessionCommand, RecordCounselingSessionResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: RecordCounselingSessionCommand): Promise<RecordCounselingSessionResult> {
    const loaded = await loadCase(this.store, input.clientId);
    const sessionId = randomUUID();
    const result = await handleCommand(this.store, clientCounselingDecider, {
      streamId: counselingStreamId(input.clientId),
      context: COUNSELING_CONTEXT,
      command: { type: 'RecordCounselingSession', ...input, sessionId, case: loaded.state, today: todayInKorea() },
      metadata: actingFor(metadata, loaded.state.centerId),
      idempotency: idempotencyOf(metadata, 'RecordCounselingSession', input),
      guards: [loaded.guard],
    });
    return { clientId: input.clientId, sessionId: await idWritten(this.store, result, 'sessionId', sessionId), ...commandResult(result) };
  }
}
