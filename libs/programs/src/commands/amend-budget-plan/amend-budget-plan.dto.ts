import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsDateOnly, IsRecordId } from '@saeil/core';
import { BudgetPlanContentDto } from '../budget-plan.dto';

/** 예산 계획 변경: the whole new plan, with the day and the reason (a new revision; the earlier ones stay readable). */
export class AmendBudgetPlanDto extends BudgetPlanContentDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  planId: string;

  @ApiProperty({ example: '2024-03-04', description: 'YYYY-MM-DD, not in the future' })
  @IsDateOnly()
  amendedOn: string;

  @ApiProperty({ example: '2024년 시비 추경 반영', description: '변경 사유' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class AmendBudgetPlanBody extends OmitType(AmendBudgetPlanDto, ['planId'] as const) {}
