import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, foldStream, handleCommand } from '@saeil/event-store';
import { KPI_CONTEXT, kpiPlanStreamId } from '@saeil/contracts';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { kpiPlanDecider } from '../../domain/kpi-plan.decider';
import { EnterKpiActualCommand } from './enter-kpi-actual.command';

export class EnterKpiActualResult extends CommandResult {
  @ApiProperty()
  planId: string;
}

@CommandHandler(EnterKpiActualCommand)
export class EnterKpiActualHandler implements ICommandHandler<EnterKpiActualCommand, EnterKpiActualResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: EnterKpiActualCommand): Promise<EnterKpiActualResult> {
    const streamId = kpiPlanStreamId(input.planId);
    const history = await this.store.readStream(streamId);
    const result = await handleCommand(this.store, kpiPlanDecider, {
      streamId,
      context: KPI_CONTEXT,
      command: { type: 'EnterKpiActual', ...input, today: this.clock.today() },
      metadata: actingFor(metadata, foldStream(kpiPlanDecider, history).centerId),
      history,
      idempotency: idempotencyOf(metadata, 'EnterKpiActual', input),
    });
    return { planId: input.planId, ...commandResult(result) };
  }
}
