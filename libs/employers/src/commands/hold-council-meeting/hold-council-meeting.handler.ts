import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { councilMeetingStreamId, EMPLOYERS_CONTEXT } from '@saeil/contracts';
import { commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { councilMeetingDecider } from '../../domain/council-meeting.decider';
import { HoldCouncilMeetingCommand } from './hold-council-meeting.command';

export class CouncilMeetingResult extends CommandResult {
  @ApiProperty()
  meetingId: string;
}

@CommandHandler(HoldCouncilMeetingCommand)
export class HoldCouncilMeetingHandler implements ICommandHandler<HoldCouncilMeetingCommand, CouncilMeetingResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: HoldCouncilMeetingCommand): Promise<CouncilMeetingResult> {
    const meetingId = randomUUID();
    const result = await handleCommand(this.store, councilMeetingDecider, {
      streamId: councilMeetingStreamId(meetingId),
      context: EMPLOYERS_CONTEXT,
      command: { type: 'HoldCouncilMeeting', ...input, meetingId, today: this.clock.today() },
      metadata,
      idempotency: idempotencyOf(metadata, 'HoldCouncilMeeting', input),
    });
    return { meetingId: await idWritten(this.store, result, 'meetingId', meetingId), ...commandResult(result) };
  }
}
