import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventStore, handleCommand } from '@saeil/event-store';
import { KPI_CONTEXT, kpiPlanStreamId, KpiPlanDefinedV1 } from '@saeil/contracts';
import { commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { kpiPlanDecider } from '../../domain/kpi-plan.decider';
import { checkPlanTargets } from '../../queries/kpi-achievement/plan-achievement';
import { DefineKpiPlanCommand } from './define-kpi-plan.command';

export class KpiIndicatorId {
  @ApiProperty({ description: 'Actuals of the indicator are entered under this id' })
  indicatorId: string;
  @ApiProperty()
  name: string;
}

export class DefineKpiPlanResult extends CommandResult {
  @ApiProperty()
  planId: string;
  /** The ids actuals are entered under, in the order the indicators were given. */
  @ApiProperty({
    type: [KpiIndicatorId],
    description: 'The ids actuals are entered under, in the order the indicators were given',
  })
  indicators: KpiIndicatorId[];
}

@CommandHandler(DefineKpiPlanCommand)
export class DefineKpiPlanHandler implements ICommandHandler<DefineKpiPlanCommand, DefineKpiPlanResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: DefineKpiPlanCommand): Promise<DefineKpiPlanResult> {
    const planId = randomUUID();
    const indicators = input.indicators.map((i) => ({ ...i, indicatorId: randomUUID() }));
    // Targets and weights are checked by the one KPI formula (kpi.ts) before anything is written.
    checkPlanTargets({ fromYear: input.fromYear, toYear: input.toYear, indicators });
    const result = await handleCommand(this.store, kpiPlanDecider, {
      streamId: kpiPlanStreamId(planId),
      context: KPI_CONTEXT,
      command: { type: 'DefineKpiPlan', ...input, planId, indicators },
      metadata,
      idempotency: idempotencyOf(metadata, 'DefineKpiPlan', input),
    });
    // A repeated Idempotency-Key: the ids the first request wrote.
    const written = result.duplicate
      ? ((await this.store.readEvent(result.globalPosition))?.data as KpiPlanDefinedV1 | undefined)
      : undefined;
    const plan = written ?? { planId, indicators };
    return {
      planId: plan.planId,
      indicators: plan.indicators.map((i) => ({ indicatorId: i.indicatorId, name: i.name.trim() })),
      ...commandResult(result),
    };
  }
}
