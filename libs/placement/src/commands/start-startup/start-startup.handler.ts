import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventStore, handleCommand } from '@saeil/event-store';
import { PLACEMENT_CONTEXT, placementsStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { idempotencyOf } from '@saeil/runtime';
import { placementsDecider } from '../../domain/placements.decider';
import { atHerCenter, idWrittenAt, todayInKorea } from '../command-support';
import { StartStartupCommand } from './start-startup.command';

export interface StartupResult {
  startupId: string;
  streamVersion: number;
  /** Global position written: pass it as `minPosition` to read your own write. */
  position: number;
  duplicate: boolean;
}

@CommandHandler(StartStartupCommand)
export class StartStartupHandler implements ICommandHandler<StartStartupCommand, StartupResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: StartStartupCommand): Promise<StartupResult> {
    const herCase = await loadCase(this.store, input.clientId);
    const streamId = placementsStreamId(input.clientId);
    const startupId = randomUUID();
    const result = await handleCommand(this.store, placementsDecider, {
      streamId,
      context: PLACEMENT_CONTEXT,
      command: { type: 'StartStartup', ...input, startupId, case: herCase.state, today: todayInKorea() },
      metadata: atHerCenter(metadata, herCase.state),
      idempotency: idempotencyOf(metadata, 'StartStartup', input),
      guards: [herCase.guard],
    });
    return {
      startupId: result.duplicate ? await idWrittenAt(this.store, streamId, result.streamVersion, 'startupId') : startupId,
      streamVersion: result.streamVersion,
      position: result.globalPosition,
      duplicate: result.duplicate,
    };
  }
}
