import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EXECUTION_SOURCES, ExecutionSource } from '@saeil/contracts';
import { IsDateOnly, IsRecordId } from '@saeil/core';
import { MAX_BUDGET_LINE_AMOUNT } from '../../domain/budget-plan.decider';
import { FUNDING_SOURCE_HELP } from '../budget-plan.dto';

/** 예산 집행 기록: an entry against the plan, or a correction of one (never an edit). */
export class RecordBudgetExecutionDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  planId: string;

  @ApiProperty({
    example: '2022-12-20',
    description:
      '집행일 (YYYY-MM-DD, not in the future, within the plan years); for a correction, the day it is corrected',
  })
  @IsDateOnly()
  executedOn: string;

  @ApiProperty({
    enum: EXECUTION_SOURCES,
    description: `${FUNDING_SOURCE_HELP} | unsplit 재원 구분 없음 (the record gives the total only). A correction takes the corrected entry's`,
  })
  @IsIn(EXECUTION_SOURCES)
  source: ExecutionSource;

  @ApiProperty({
    example: 13000000,
    description:
      'KRW (원): above 0; a correction any non-zero amount (negative takes back), the entry with its corrections never below 0',
  })
  @IsInt()
  @Min(-MAX_BUDGET_LINE_AMOUNT)
  @Max(MAX_BUDGET_LINE_AMOUNT)
  amount: number;

  @ApiProperty({
    example: '취업자 역량강화교육(일취월장)·취업자 간담회',
    description: '집행 내역: what it paid for (a correction: why)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  purpose: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The entry of this plan this one corrects' })
  @IsOptional()
  @IsRecordId()
  corrects?: string;
}

export class RecordBudgetExecutionBody extends OmitType(RecordBudgetExecutionDto, ['planId'] as const) {}
