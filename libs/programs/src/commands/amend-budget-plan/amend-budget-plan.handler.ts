import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { budgetPlanStreamId, PROGRAMS_CONTEXT } from '@saeil/contracts';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { budgetPlanDecider } from '../../domain/budget-plan.decider';
import { readBudgetPlan } from '../budget-plan-stream';
import { DEFAULT_RATE_DECIMALS } from '../budget-plan.dto';
import { AmendBudgetPlanCommand } from './amend-budget-plan.command';

export class AmendBudgetPlanResult extends CommandResult {
  @ApiProperty()
  planId: string;
  @ApiProperty({ description: '1 for the plan as defined, one more per amendment' })
  revision: number;
}

@CommandHandler(AmendBudgetPlanCommand)
export class AmendBudgetPlanHandler implements ICommandHandler<AmendBudgetPlanCommand, AmendBudgetPlanResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: AmendBudgetPlanCommand): Promise<AmendBudgetPlanResult> {
    const { history, state } = await readBudgetPlan(this.store, input.planId);
    // Left out, the precision stays what the plan had (not the default of a new plan).
    const decimals = input.decimals ?? state.plan?.decimals ?? DEFAULT_RATE_DECIMALS;
    const result = await handleCommand(this.store, budgetPlanDecider, {
      streamId: budgetPlanStreamId(input.planId),
      context: PROGRAMS_CONTEXT,
      command: { type: 'AmendBudgetPlan', ...input, decimals, today: this.clock.today() },
      metadata: actingFor(metadata, state.centerId),
      history,
      idempotency: idempotencyOf(metadata, 'AmendBudgetPlan', input),
    });
    const written = result.duplicate ? await this.store.readEvent(result.globalPosition) : undefined;
    const revision = written ? Number((written.data as { revision?: number }).revision) : state.revision + 1;
    return { planId: input.planId, revision, ...commandResult(result) };
  }
}
