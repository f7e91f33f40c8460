import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { PLACEMENT_CONTEXT, placementsStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, idempotencyOf } from '@saeil/runtime';
import { placementsDecider } from '../../domain/placements.decider';
import { PlacementChangeResult } from '../end-employment/end-employment.handler';
import { VoidPlacementCommand } from './void-placement.command';

@CommandHandler(VoidPlacementCommand)
export class VoidPlacementHandler implements ICommandHandler<VoidPlacementCommand, PlacementChangeResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: VoidPlacementCommand): Promise<PlacementChangeResult> {
    const herCase = await loadCase(this.store, input.clientId);
    const result = await handleCommand(this.store, placementsDecider, {
      streamId: placementsStreamId(input.clientId),
      context: PLACEMENT_CONTEXT,
      command: { type: 'VoidPlacement', ...input, case: herCase.state, today: this.clock.today() },
      metadata: actingFor(metadata, herCase.state.centerId),
      idempotency: idempotencyOf(metadata, 'VoidPlacement', input),
    });
    return { placementId: input.placementId, ...commandResult(result) };
  }
}
