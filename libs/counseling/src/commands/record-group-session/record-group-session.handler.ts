import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, foldStream, handleCommand } from '@saeil/event-store';
import { COUNSELING_CONTEXT, groupProgramStreamId } from '@saeil/contracts';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { groupProgramDecider } from '../../domain/group-program.decider';
import { loadParticipants } from '../../support/load-participants';
import { RecordGroupSessionCommand } from './record-group-session.command';

export class RecordGroupSessionResult extends CommandResult {
  @ApiProperty()
  programId: string;
  @ApiProperty()
  sessionNo: number;
}

@CommandHandler(RecordGroupSessionCommand)
export class RecordGroupSessionHandler implements ICommandHandler<RecordGroupSessionCommand, RecordGroupSessionResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: RecordGroupSessionCommand): Promise<RecordGroupSessionResult> {
    const streamId = groupProgramStreamId(input.programId);
    // Read once, for the center the events are recorded for and for the decision.
    const history = await this.store.readStream(streamId);
    const program = foldStream(groupProgramDecider, history);
    const { attendees, guards } = await loadParticipants(this.store, input.attendeeClientIds);
    const { programId, sessionNo, heldOn, topic, walkInCount } = input;
    const result = await handleCommand(this.store, groupProgramDecider, {
      streamId,
      context: COUNSELING_CONTEXT,
      command: {
        type: 'RecordGroupSession',
        programId,
        sessionNo,
        heldOn,
        topic: topic ?? undefined,
        walkInCount,
        attendees,
        today: this.clock.today(),
      },
      metadata: actingFor(metadata, program.centerId),
      idempotency: idempotencyOf(metadata, 'RecordGroupSession', input),
      guards,
      history,
    });
    return { programId, sessionNo, ...commandResult(result) };
  }
}
