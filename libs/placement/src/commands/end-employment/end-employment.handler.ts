import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@saeil/event-store';
import { PLACEMENT_CONTEXT, placementsStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { idempotencyOf } from '@saeil/runtime';
import { placementsDecider } from '../../domain/placements.decider';
import { atHerCenter, todayInKorea } from '../command-support';
import { EndEmploymentCommand } from './end-employment.command';

export interface PlacementChangeResult {
  placementId: string;
  streamVersion: number;
  /** Global position written: pass it as `minPosition` to read your own write. */
  position: number;
  duplicate: boolean;
}

@CommandHandler(EndEmploymentCommand)
export class EndEmploymentHandler implements ICommandHandler<EndEmploymentCommand, PlacementChangeResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: EndEmploymentCommand): Promise<PlacementChangeResult> {
    const herCase = await loadCase(this.store, input.clientId);
    const result = await handleCommand(this.store, placementsDecider, {
      streamId: placementsStreamId(input.clientId),
      context: PLACEMENT_CONTEXT,
      command: { type: 'EndEmployment', ...input, case: herCase.state, today: todayInKorea() },
      metadata: atHerCenter(metadata, herCase.state),
      idempotency: idempotencyOf(metadata, 'EndEmployment', input),
      guards: [herCase.guard],
    });
    return { placementId: input.placementId, streamVersion: result.streamVersion, position: result.globalPosition, duplicate: result.duplicate };
  }
}
