import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConsistencyResponse } from '@saeil/core';

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
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: 'Per term year; null = not reported (yet)' }) actualYearly: (number | null)[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: 'Per term year; null = not reported (yet)' }) actualCumulative: (number | null)[];
  @ApiProperty() cumulativeActual: number;
  @ApiProperty({ description: 'Percent, unrounded' }) achievement: number;
  @ApiProperty({ description: 'Rounded for display only', example: '42.86' }) display: string;
}

export class OverallAchievementResponse {
  @ApiProperty({ description: 'Percent, unrounded: the mean, or the weighted mean' }) achievement: number;
  @ApiProperty({ example: '40.85' }) display: string;
  @ApiProperty() weighted: boolean;
}

export class KpiAchievementResponse {
  @ApiProperty() planId: string;
  @ApiProperty() centerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: KpiTermResponse }) term: KpiTermResponse;
  @ApiProperty({ format: 'date' }) asOfDate: string;
  @ApiProperty({ type: [String], description: 'The term years, in order (the per-year arrays follow it)' }) periods: string[];
  @ApiProperty({ type: [IndicatorAchievementResponse] }) indicators: IndicatorAchievementResponse[];
  @ApiProperty({ type: OverallAchievementResponse }) overall: OverallAchievementResponse;
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}
