import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConsistencyResponse } from '@saeil/core';
import { PUBLISHED_COUNT, PUBLISHED_RATE, SuppressedFigureResponse } from '@saeil/statistics';
import { ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import type { Suppressed } from '@saeil/statistics';

/** An actual or an achievement: the number, or `{ suppressed: true }` for a reader above the center (a small person count). */
type Shown<T> = T | Suppressed;
const SHOWN_IN_ARRAY = {
  type: 'array' as const,
  items: { oneOf: [{ type: 'number', nullable: true }, { $ref: getSchemaPath(SuppressedFigureResponse) }] },
};

export class KpiTermResponse {
  @ApiProperty() fromYear: number;
  @ApiProperty() toYear: number;
}

export class IndicatorAchievementResponse {
  @ApiProperty() indicatorId: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ description: "A statistic's key, or 'entered'" }) source: string;
  @ApiPropertyOptional() weight?: number;
  @ApiProperty({ type: [Number], description: 'Per term year' }) targetYearly: number[];
  @ApiProperty({ type: [Number], description: 'Per term year' }) targetCumulative: number[];
  @ApiProperty() termTarget: number;
  @ApiProperty({
    ...SHOWN_IN_ARRAY,
    description: 'Per term year; null = not reported (yet); suppressed above the center for a small person count',
  })
  actualYearly: Shown<number | null>[];
  @ApiProperty({ ...SHOWN_IN_ARRAY, description: 'Per term year (running total); null = not reported (yet)' })
  actualCumulative: Shown<number | null>[];
  @ApiProperty({
    ...PUBLISHED_COUNT,
    description: 'Cumulative actual; suppressed above the center for a small person count',
  })
  cumulativeActual: Shown<number>;
  @ApiProperty({ ...PUBLISHED_RATE, description: 'Percent, unrounded; suppressed with its actual' })
  achievement: Shown<number>;
  @ApiProperty({
    description:
      'For display only: rounded to `decimals` (zeros kept when decimals is asked: "61.0"); 비공개 when suppressed',
    example: '42.86',
  })
  display: string;
}

export class OverallAchievementResponse {
  @ApiProperty({
    ...PUBLISHED_RATE,
    description: 'Percent, unrounded: the mean, or the weighted mean; suppressed when any indicator is',
  })
  achievement: Shown<number>;
  @ApiProperty({ example: '40.85', description: 'For display only (비공개 when suppressed)' }) display: string;
  @ApiProperty() weighted: boolean;
}

@ApiExtraModels(SuppressedFigureResponse)
export class KpiAchievementResponse {
  @ApiProperty() planId: string;
  @ApiProperty() centerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: KpiTermResponse }) term: KpiTermResponse;
  @ApiProperty({ format: 'date' }) asOfDate: string;
  @ApiProperty({ type: [String], description: 'The term years, in order (the per-year arrays follow it)' })
  periods: string[];
  @ApiProperty({ type: [IndicatorAchievementResponse] }) indicators: IndicatorAchievementResponse[];
  @ApiProperty({ type: OverallAchievementResponse }) overall: OverallAchievementResponse;
  @ApiProperty({ description: 'The digits the display texts are rounded to' }) decimals: number;
  @ApiPropertyOptional({
    enum: ['suppressed'],
    description:
      'Present for readers above the center: person-count indicators with a figure below suppressionThreshold show { suppressed: true } (and the overall with them), as the statistics and the Ministry report',
  })
  disclosure?: 'suppressed';
  @ApiPropertyOptional({ description: 'The smallest count shown, with disclosure: suppressed' })
  suppressionThreshold?: number;
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}
