import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { PLACEMENT_CONTEXT, placementsStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { placementsDecider } from '../../domain/placements.decider';
import { StartStartupCommand } from './start-startup.command';

export class StartupResult extends CommandResult {
  @ApiProperty()
  startupId: string;
}

@CommandHandler(StartStartupCommand)
export class StartStartupHandler implements ICommandHandler<StartStartupCommand, StartupResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: StartStartupCommand): Promise<StartupResult> {
    const herCase = await loadCase(this.store, input.clientId);
    const streamId = placementsStreamId(input.clientId);
    const startupId = randomUUID();
    const result = await handleCommand(this.store, placementsDecider, {
      streamId,
      context: PLACEMENT_CONTEXT,
      command: { type: 'StartStartup', ...input, startupId, case: herCase.state, today: this.clock.today() },
      metadata: actingFor(metadata, herCase.state.centerId),
      idempotency: idempotencyOf(metadata, 'StartStartup', input),
      guards: [herCase.guard],
    });
    return { startupId: await idWritten(this.store, result, 'startupId', startupId), ...commandResult(result) };
  }
}
