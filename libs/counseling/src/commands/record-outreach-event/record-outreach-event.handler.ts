import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { COUNSELING_CONTEXT, outreachStreamId } from '@saeil/contracts';
import { commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { outreachDecider } from '../../domain/outreach.decider';
import { loadParticipants } from '../../support/load-participants';
import { RecordOutreachEventCommand } from './record-outreach-event.command';

export class RecordOutreachEventResult extends CommandResult {
  @ApiProperty()
  outreachId: string;
}

@CommandHandler(RecordOutreachEventCommand)
export class RecordOutreachEventHandler implements ICommandHandler<
  RecordOutreachEventCommand,
  RecordOutreachEventResult
> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: RecordOutreachEventCommand): Promise<RecordOutreachEventResult> {
    const outreachId = randomUUID();
    const { attendees, guards } = await loadParticipants(this.store, input.registeredClientIds ?? []);
    const { centerId, place, heldOn, counselorIds, walkInContacts, notes } = input;
    const result = await handleCommand(this.store, outreachDecider, {
      streamId: outreachStreamId(outreachId),
      context: COUNSELING_CONTEXT,
      command: {
        type: 'RecordOutreachEvent',
        outreachId,
        centerId,
        place,
        heldOn,
        counselorIds,
        walkInContacts,
        notes: notes ?? undefined,
        registeredClients: attendees,
        today: this.clock.today(),
      },
      metadata,
      idempotency: idempotencyOf(metadata, 'RecordOutreachEvent', input),
      guards,
    });
    return { outreachId: await idWritten(this.store, result, 'outreachId', outreachId), ...commandResult(result) };
  }
}
