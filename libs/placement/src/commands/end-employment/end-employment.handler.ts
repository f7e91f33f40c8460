import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { PLACEMENT_CONTEXT, placementsStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { placementsDecider } from '../../domain/placements.decider';
import { EndEmploymentCommand } from './end-employment.command';

export class PlacementChangeResult extends CommandResult {
  @ApiProperty()
  placementId: string;
}

@CommandHandler(EndEmploymentCommand)
export class EndEmploymentHandler implements ICommandHandler<EndEmploymentCommand, PlacementChangeResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: EndEmploymentCommand): Promise<PlacementChangeResult> {
    const herCase = await loadCase(this.store, input.clientId);
    const result = await handleCommand(this.store, placementsDecider, {
      streamId: placementsStreamId(input.clientId),
      context: PLACEMENT_CONTEXT,
      command: { type: 'EndEmployment', ...input, case: herCase.state, today: this.clock.today() },
      metadata: actingFor(metadata, herCase.state.centerId),
      idempotency: idempotencyOf(metadata, 'EndEmployment', input),
      guards: [herCase.guard],
    });
    return { placementId: input.placementId, ...commandResult(result) };
  }
}
