import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  buildMessage,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { hasAtMostDecimals, IsCenterOrCounselorId, IsDecimal } from '@saeil/core';
import { STATISTIC_METRIC_KEYS } from '@saeil/statistics';
import { MAX_TERM_YEARS } from '../../domain/kpi-plan.decider';

/**
 * Statistics an indicator can map to: the counts. A rate (고용유지율, 수료 후 취업률) cannot be
 * summed over years into a cumulative actual, so the glossary's achievement has no meaning for it.
 */
export const KPI_COUNT_METRICS = STATISTIC_METRIC_KEYS.filter((key) => !key.includes('rate'));

/** Each element a finite number with at most 4 decimals (IsDecimal for arrays: IsNumber's maxDecimalPlaces throws on 3e-323). */
const EachAmount = () =>
  ValidateBy(
    {
      name: 'isNumber',
      validator: {
        validate: (value) => hasAtMostDecimals(value, 4),
        defaultMessage: buildMessage((each) => `${each}$property must be numbers with at most 4 decimal places`),
      },
    },
    { each: true },
  );

const IsQuarterRows = () =>
  ValidateBy({
    name: 'isQuarterRows',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.every(
          (row) => Array.isArray(row) && row.length === 4 && row.every((v) => hasAtMostDecimals(v, 4) && v >= 0),
        ),
      defaultMessage: () => 'quarterlyTargets must hold, per term year, four numbers ≥ 0 (Q1–Q4, at most 4 decimals)',
    },
  });

export class KpiIndicatorDto {
  @ApiProperty({ example: '사후관리사업 수혜자 수' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '명' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  unit: string;

  @ApiPropertyOptional({
    example: [50, 100, 150, 150, 50],
    description: '목표, one per term year (or give cumulativeTargets)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TERM_YEARS)
  @EachAmount()
  @Min(0, { each: true })
  yearlyTargets?: number[];

  @ApiPropertyOptional({
    example: [50, 150, 300, 450, 500],
    description: '목표 누계, one per term year; the last is the term target',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TERM_YEARS)
  @EachAmount()
  @Min(0, { each: true })
  cumulativeTargets?: number[];

  @ApiPropertyOptional({
    example: [
      [0, 0, 20, 30],
      [25, 25, 25, 25],
      [25, 25, 50, 50],
      [0, 0, 75, 75],
      [0, 0, 25, 25],
    ],
    description: 'Q1–Q4 per term year; each year sums to its target',
  })
  @IsOptional()
  @IsQuarterRows()
  @ArrayMaxSize(MAX_TERM_YEARS)
  quarterlyTargets?: number[][];

  @ApiPropertyOptional({ example: 100, description: 'Percent; give every indicator a weight (summing to 100) or none' })
  @IsOptional()
  @IsDecimal(4)
  @Min(0)
  @Max(100)
  weight?: number;

  @ApiPropertyOptional({
    enum: KPI_COUNT_METRICS,
    description: 'The statistic the actuals come from; without it actuals are entered',
  })
  @IsOptional()
  @IsIn(KPI_COUNT_METRICS)
  metric?: string;
}

/** 확인지표 계획 (supervisor): the term and its indicators. */
export class DefineKpiPlanDto {
  @ApiProperty({ example: 'center-naju' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({ example: '여성새로일하기센터 기능 강화' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 2022 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fromYear: number;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  toYear: number;

  @ApiProperty({ type: [KpiIndicatorDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => KpiIndicatorDto)
  indicators: KpiIndicatorDto[];

  @ApiPropertyOptional({
    example: 1,
    minimum: 0,
    maximum: 6,
    description:
      "Decimals the plan's table writes achievement with (이행률 41.9: 1): the display texts keep them (61.0, not 61). Leave out for up to 2 digits with trailing zeros dropped (seed 000: 37.5, 42.86)",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(6)
  decimals?: number;
}
