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
import { StartEmploymentCommand } from './start-employment.command';

export class StartEmploymentResult extends CommandResult {
  @ApiProperty()
  placementId: string;
}

@CommandHandler(StartEmploymentCommand)
export class StartEmploymentHandler implements ICommandHandler<StartEmploymentCommand, StartEmploymentResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: StartEmploymentCommand): Promise<StartEmploymentResult> {
    const herCase = await loadCase(this.store, input.clientId);
    const streamId = placementsStreamId(input.clientId);
    const placementId = randomUUID();
    const result = await handleCommand(this.store, placementsDecider, {
      streamId,
      context: PLACEMENT_CONTEXT,
      command: { type: 'StartEmployment', ...input, placementId, case: herCase.state, today: this.clock.today() },
      metadata: actingFor(metadata, herCase.state.centerId),
      idempotency: idempotencyOf(metadata, 'StartEmployment', input),
      guards: [herCase.guard],
    });
    return { placementId: await idWritten(this.store, result, 'placementId', placementId), ...commandResult(result) };
  }
}
