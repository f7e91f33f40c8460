import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsCenterOrCounselorId, IsRecordId } from '@saeil/core';
import { BudgetPlanContentDto } from '../budget-plan.dto';

/** 예산 계획 수립 (supervisor): a retention program's budget, or a project's of its own. */
export class DefineBudgetPlanDto extends BudgetPlanContentDto {
  @ApiProperty({ example: 'center-naju' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The retention program this budgets (its benefits then count as executed); the plan gets the program's id. Leave out for a project without milestones",
  })
  @IsOptional()
  @IsRecordId()
  programId?: string;
}
