import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, foldStream, handleCommand } from '@saeil/event-store';
import { COUNSELING_CONTEXT, groupProgramStreamId } from '@saeil/contracts';
import { idempotencyOf } from '@saeil/runtime';
import { groupProgramDecider } from '../../domain/group-program.decider';
import { actingFor } from '../../support/command-support';
import { todayInKorea } from '../../support/dates';
import { loadParticipants } from '../../support/load-participants';
import { RecordGroupSessionCommand } from './record-group-session.command';

export interface RecordGroupSessionResult {
  programId: string;
  sessionNo: number;
  streamVersion: number;
  position: number;
  duplicate: boolean;
}

@CommandHandler(RecordGroupSessionCommand)
export class RecordGroupSessionHandler implements ICommandHandler<RecordGroupSessionCommand, RecordGroupSessionResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: RecordGroupSessionCommand): Promise<RecordGroupSessionResult> {
    const streamId = groupProgramStreamId(input.programId);
    // Read once for the center the events are recorded for; handleCommand reads again to decide,
    // and its version check makes a change in between a 409.
    const program = foldStream(groupProgramDecider, await this.store.readStream(streamId));
    const { attendees, guards } = await loadParticipants(this.store, input.attendeeClientIds);
    const { programId, sessionNo, heldOn, topic, walkInCount } = input;
    const result = await handleCommand(this.store, groupProgramDecider, {
      streamId,
      context: COUNSELING_CONTEXT,
      command: { type: 'RecordGroupSession', programId, sessionNo, heldOn, topic: topic ?? undefined, walkInCount, attendees, today: todayInKorea() },
      metadata: actingFor(metadata, program.centerId),
      idempotency: idempotencyOf(metadata, 'RecordGroupSession', input),
      guards,
    });
    return { programId, sessionNo, streamVersion: result.streamVersion, position: result.globalPosition, duplicate: result.duplicate };
  }
}
