import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { CommandRoute } from '@saeil/identity';
import { RecordBudgetExecutionBody, RecordBudgetExecutionDto } from './record-budget-execution.dto';
import { recordBudgetExecution } from './record-budget-execution.command';
import { RecordBudgetExecutionResult } from './record-budget-execution.handler';

@ApiTags('programs')
@CommandRoute(recordBudgetExecution)
@Controller('budget-plans/:planId/executions')
export class RecordBudgetExecutionController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(RecordBudgetExecutionResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      '예산 집행 기록: day, funding source (or unsplit), KRW, what it paid for; a correction names the entry it corrects (never an edit)',
  })
  @ApiBody({ type: RecordBudgetExecutionBody })
  async record(
    @Param('planId') planId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<RecordBudgetExecutionResult> {
    const dto = dtoWithPathIds(RecordBudgetExecutionDto, body, { planId });
    const result = await executeFromHttp<RecordBudgetExecutionDto, RecordBudgetExecutionResult>(
      this.commandBus,
      this.metrics,
      recordBudgetExecution,
      dto,
      req,
    );
    return result;
  }
}
