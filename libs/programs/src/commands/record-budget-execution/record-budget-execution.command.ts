import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RecordBudgetExecutionDto } from './record-budget-execution.dto';

export class RecordBudgetExecutionCommand {
  constructor(
    readonly input: RecordBudgetExecutionDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordBudgetExecution: CommandDefinition<RecordBudgetExecutionDto> = {
  type: 'RecordBudgetExecution',
  dto: RecordBudgetExecutionDto,
  access: { roles: ['supervisor'], records: [{ kind: 'budgetPlan', field: 'planId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.executedOn),
  build: (dto, metadata) => new RecordBudgetExecutionCommand(dto, metadata),
};
