import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@saeil/event-store';
import { PLACEMENT_CONTEXT, placementsStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { idempotencyOf } from '@saeil/runtime';
import { placementsDecider } from '../../domain/placements.decider';
import { atHerCenter, todayInKorea } from '../command-support';
import { PlacementChangeResult } from '../end-employment/end-employment.handler';
import { VoidPlacementCommand } from './void-placement.command';

@CommandHandler(VoidPlacementCommand)
export class VoidPlacementHandler implements ICommandHandler<VoidPlacementCommand, PlacementChangeResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: VoidPlacementCommand): Promise<PlacementChangeResult> {
    const herCase = await loadCase(this.store, input.clientId);
    const result = await handleCommand(this.store, placementsDecider, {
      streamId: placementsStreamId(input.clientId),
      context: PLACEMENT_CONTEXT,
      command: { type: 'VoidPlacement', ...input, case: herCase.state, today: todayInKorea() },
      metadata: atHerCenter(metadata, herCase.state),
      idempotency: idempotencyOf(metadata, 'VoidPlacement', input),
    });
    return { placementId: input.placementId, streamVersion: result.streamVersion, position: result.globalPosition, duplicate: result.duplicate };
  }
}
