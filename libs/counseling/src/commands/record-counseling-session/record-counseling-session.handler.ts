import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { COUNSELING_CONTEXT, counselingStreamId, type CounselingNotesFields } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { PrivacyVault } from '@saeil/privacy';
import { actingFor, commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { clientCounselingDecider } from '../../domain/client-counseling.decider';
import { RecordCounselingSessionCommand } from './record-counseling-session.command';

export class RecordCounselingSessionResult extends CommandResult {
  @ApiProperty()
  clientId: string;
  @ApiProperty()
  sessionId: string;
}

/**
 * Records a session; her notes (상담 내용) are sealed with her data key before the decision, so
 * the event carries only the envelope (`sealedNotes`) and her erasure makes them unreadable. Only
 * a woman who exists and was not erased has notes sealed for her: otherwise the decider refuses
 * (404, or 422 CLIENT_DATA_ERASED as for any record about her).
 */
@CommandHandler(RecordCounselingSessionCommand)
export class RecordCounselingSessionHandler implements ICommandHandler<
  RecordCounselingSessionCommand,
  RecordCounselingSessionResult
> {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PrivacyVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: RecordCounselingSessionCommand): Promise<RecordCounselingSessionResult> {
    const loaded = await loadCase(this.store, input.clientId);
    const sessionId = randomUUID();
    const { notes: plainNotes, ...session } = input;
    const notes = plainNotes?.trim();
    // Sealed only for a woman the decider may accept: an unknown or erased one is its refusal.
    const sealable = loaded.state.exists && !loaded.state.erased;
    const sealedNotes =
      notes && sealable ? await this.vault.sealFields<CounselingNotesFields>(input.clientId, { notes }) : undefined;
    const result = await handleCommand(this.store, clientCounselingDecider, {
      streamId: counselingStreamId(input.clientId),
      context: COUNSELING_CONTEXT,
      command: {
        type: 'RecordCounselingSession',
        ...session,
        ...(sealedNotes ? { sealedNotes } : {}),
        sessionId,
        case: loaded.state,
        today: this.clock.today(),
      },
      metadata: actingFor(metadata, loaded.state.centerId),
      idempotency: idempotencyOf(metadata, 'RecordCounselingSession', input),
      guards: [loaded.guard],
    });
    return {
      clientId: input.clientId,
      sessionId: await idWritten(this.store, result, 'sessionId', sessionId),
      ...commandResult(result),
    };
  }
}
