import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FUNDING_SOURCES, FundingSource } from '@saeil/contracts';
import { MAX_BUDGET_LINE_AMOUNT, MAX_PLAN_YEARS, MAX_RATE_DECIMALS } from '../domain/budget-plan.decider';

export const FUNDING_SOURCE_HELP =
  'national 국비 | provincial 시·도비 (도비; 특별시·광역시의 시비) | municipal 시·군·구비 (시비·군비·구비) | other 기타';

export class BudgetLineDto {
  @ApiProperty({ example: 2022 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: FUNDING_SOURCES, description: FUNDING_SOURCE_HELP })
  @IsIn(FUNDING_SOURCES)
  source: FundingSource;

  @ApiProperty({ example: 7000000, description: '확보액 in KRW (원): a plan stated in 백만원 is entered × 1,000,000' })
  @IsInt()
  @Min(0)
  @Max(MAX_BUDGET_LINE_AMOUNT)
  amount: number;
}

/** The budget plan, whole: defining and amending it both send it. */
export class BudgetPlanContentDto {
  @ApiProperty({ example: '여성새로일하기센터 기능강화', description: '사업명' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 2022, description: 'First plan year' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fromYear: number;

  @ApiProperty({ example: 2026, description: `Last plan year (at most ${MAX_PLAN_YEARS} years)` })
  @IsInt()
  @Min(2000)
  @Max(2100)
  toYear: number;

  @ApiPropertyOptional({
    default: 1,
    minimum: 0,
    maximum: MAX_RATE_DECIMALS,
    description: 'Decimals of the execution rates shown (seed 000: 1 → "41.9")',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_RATE_DECIMALS)
  decimals?: number;

  @ApiProperty({
    type: [BudgetLineDto],
    description: 'KRW secured per year and funding source (each pair once; a year or source left out is 0)',
  })
  @IsArray()
  @ArrayMaxSize(MAX_PLAN_YEARS * FUNDING_SOURCES.length)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  lines: BudgetLineDto[];
}

/** Seed 000's precision: 41.9 %. */
export const DEFAULT_RATE_DECIMALS = 1;
