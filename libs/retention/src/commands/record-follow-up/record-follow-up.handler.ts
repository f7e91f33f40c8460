import { ApiProperty } from '@nestjs/swagger';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock, NotFound } from '@saeil/core';
import { SaeilConfig } from '@saeil/config';
import { decideAgainOnConflict, EventStore, foldStream } from '@saeil/event-store';
import { followUpsStreamId, placementsStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { followUpsDecider } from '../../domain/follow-ups.decider';
import { requireFollowUpAllowed } from '../../domain/follow-up-case-rule';
import { decideFollowUps } from '../../follow-ups/decide-follow-ups';
import { PLACEMENT_EVENTS_REACTED_TO, reactToPlacementEvent } from '../../reactions/placement-reaction';
import { RecordFollowUpCommand } from './record-follow-up.command';

export class RecordFollowUpResult extends CommandResult {
  @ApiProperty()
  placementId: string;
  @ApiProperty()
  n: number;
}

/**
 * The follow-up stream is also written by the system (the sweep marks a milestone due or overdue,
 * placement reactions close or cancel it), so a counselor's record can lose a race she never saw.
 * A conflict is decided again on the new history a few times: the rules still hold (a cancelled
 * milestone is refused), and she is not told "someone else wrote first" about the worker.
 */
@CommandHandler(RecordFollowUpCommand)
export class RecordFollowUpHandler implements ICommandHandler<RecordFollowUpCommand, RecordFollowUpResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly config: SaeilConfig,
  ) {}

  async execute(command: RecordFollowUpCommand): Promise<RecordFollowUpResult> {
    return decideAgainOnConflict(() => this.once(command));
  }

  private async once({ input, metadata }: RecordFollowUpCommand): Promise<RecordFollowUpResult> {
    const herCase = await loadCase(this.store, input.clientId);
    requireFollowUpAllowed(herCase.state, input.clientId);
    const { clientId, ...record } = input;
    await this.catchUpWithPlacement(clientId, input.placementId);
    const history = await this.store.readStream(followUpsStreamId(input.placementId));
    // Another client's placement is not hers to follow up: the same 404 as an unknown placement.
    if (foldStream(followUpsDecider, history).placement?.clientId !== clientId)
      throw new NotFound('사후관리 일정', input.placementId);
    const result = await decideFollowUps(
      this.store,
      { type: 'RecordFollowUp', ...record, today: this.clock.today() },
      actingFor(metadata, herCase.state.centerId),
      {
        idempotency: idempotencyOf(metadata, 'RecordFollowUp', input),
        guards: [herCase.guard],
        history,
      },
    );
    if (!result) throw new Error('RecordFollowUp decided nothing: the decider records or refuses');
    return { placementId: input.placementId, n: input.n, ...commandResult(result) };
  }

  /**
   * Runs the reactions to her placement's events (scheduled, ended, voided) that the worker has
   * not run yet, exactly as it would, under the same keys: a follow-up recorded right after the
   * placement finds its schedule, never a 404 while the worker catches up. Only her own
   * placements stream is read, so another woman's placement stays a 404.
   */
  private async catchUpWithPlacement(clientId: string, placementId: string): Promise<void> {
    const window = {
      daysBefore: this.config.FOLLOW_UP_WINDOW_DAYS_BEFORE,
      daysAfter: this.config.FOLLOW_UP_WINDOW_DAYS_AFTER,
    };
    for (const event of await this.store.readStream(placementsStreamId(clientId))) {
      if (
        (PLACEMENT_EVENTS_REACTED_TO as readonly string[]).includes(event.type) &&
        event.data.placementId === placementId
      )
        await reactToPlacementEvent(event, this.store, window);
    }
  }
}
