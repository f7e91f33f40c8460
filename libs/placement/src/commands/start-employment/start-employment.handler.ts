import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventStore, handleCommand } from '@saeil/event-store';
import { PLACEMENT_CONTEXT, placementsStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { idempotencyOf } from '@saeil/runtime';
import { placementsDecider } from '../../domain/placements.decider';
import { atHerCenter, idWrittenAt, todayInKorea } from '../command-support';
import { StartEmploymentCommand } from './start-employment.command';

export interface StartEmploymentResult {
  placementId: string;
  streamVersion: number;
  /** Global position written: pass it as `minPosition` to read your own write. */
  position: number;
  duplicate: boolean;
}

@CommandHandler(StartEmploymentCommand)
export class StartEmploymentHandler implements ICommandHandler<StartEmploymentCommand, StartEmploymentResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: StartEmploymentCommand): Promise<StartEmploymentResult> {
    const herCase = await loadCase(this.store, input.clientId);
    const streamId = placementsStreamId(input.clientId);
    const placementId = randomUUID();
    const result = await handleCommand(this.store, placementsDecider, {
      streamId,
      context: PLACEMENT_CONTEXT,
      command: { type: 'StartEmployment', ...input, placementId, case: herCase.state, today: todayInKorea() },
      metadata: atHerCenter(metadata, herCase.state),
      idempotency: idempotencyOf(metadata, 'StartEmployment', input),
      guards: [herCase.guard],
    });
    return {
      placementId: result.duplicate ? await idWrittenAt(this.store, streamId, result.streamVersion, 'placementId') : placementId,
      streamVersion: result.streamVersion,
      position: result.globalPosition,
      duplicate: result.duplicate,
    };
  }
}
