import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventStore, handleCommand } from '@saeil/event-store';
import { budgetPlanStreamId, PROGRAMS_CONTEXT } from '@saeil/contracts';
import { commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { budgetPlanDecider } from '../../domain/budget-plan.decider';
import { DEFAULT_RATE_DECIMALS } from '../budget-plan.dto';
import { DefineBudgetPlanCommand } from './define-budget-plan.command';

export class DefineBudgetPlanResult extends CommandResult {
  @ApiProperty({ description: "The plan's id (a retention program's plan has the program's id)" })
  planId: string;
}

/**
 * A retention program's plan takes the program's id: the program's stream of benefits and its
 * one plan meet on it, and a second plan for the program finds the first in its own stream.
 */
@CommandHandler(DefineBudgetPlanCommand)
export class DefineBudgetPlanHandler implements ICommandHandler<DefineBudgetPlanCommand, DefineBudgetPlanResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: DefineBudgetPlanCommand): Promise<DefineBudgetPlanResult> {
    const planId = input.programId ?? randomUUID();
    const result = await handleCommand(this.store, budgetPlanDecider, {
      streamId: budgetPlanStreamId(planId),
      context: PROGRAMS_CONTEXT,
      command: { type: 'DefineBudgetPlan', ...input, decimals: input.decimals ?? DEFAULT_RATE_DECIMALS, planId },
      metadata,
      idempotency: idempotencyOf(metadata, 'DefineBudgetPlan', input),
    });
    return { planId: await idWritten(this.store, result, 'planId', planId), ...commandResult(result) };
  }
}
