import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@saeil/core';
import { decideAgainOnConflict, EventStore, handleCommand } from '@saeil/event-store';
import { budgetPlanStreamId, PROGRAMS_CONTEXT } from '@saeil/contracts';
import { actingFor, commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { budgetPlanDecider } from '../../domain/budget-plan.decider';
import { readBudgetPlan } from '../budget-plan-stream';
import { RecordBudgetExecutionCommand } from './record-budget-execution.command';
import { RecordBudgetExecutionDto } from './record-budget-execution.dto';

export class RecordBudgetExecutionResult extends CommandResult {
  @ApiProperty()
  planId: string;
  @ApiProperty({ description: 'The new entry (name it in `corrects` to correct it)' })
  entryId: string;
}

/**
 * Entries of one plan go through its stream, so a correction is decided on every earlier entry
 * (never below zero). Two supervisors writing at once only means someone wrote first: the entry
 * is decided again on the new history (same entry id), not answered with a bare 409.
 */
@CommandHandler(RecordBudgetExecutionCommand)
export class RecordBudgetExecutionHandler implements ICommandHandler<
  RecordBudgetExecutionCommand,
  RecordBudgetExecutionResult
> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: RecordBudgetExecutionCommand): Promise<RecordBudgetExecutionResult> {
    const entryId = randomUUID();
    return decideAgainOnConflict(() => this.once(input, entryId, metadata));
  }

  private async once(
    input: RecordBudgetExecutionDto,
    entryId: string,
    metadata: RecordBudgetExecutionCommand['metadata'],
  ): Promise<RecordBudgetExecutionResult> {
    const { history, state } = await readBudgetPlan(this.store, input.planId);
    const result = await handleCommand(this.store, budgetPlanDecider, {
      streamId: budgetPlanStreamId(input.planId),
      context: PROGRAMS_CONTEXT,
      command: { type: 'RecordBudgetExecution', ...input, entryId, today: this.clock.today() },
      metadata: actingFor(metadata, state.centerId),
      history,
      idempotency: idempotencyOf(metadata, 'RecordBudgetExecution', input),
    });
    return {
      planId: input.planId,
      entryId: await idWritten(this.store, result, 'entryId', entryId),
      ...commandResult(result),
    };
  }
}
