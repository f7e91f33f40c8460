import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_LEVELS, type ReportLevel } from '@saeil/contracts';
import { PUBLISHED_COUNT, PUBLISHED_RATE, SuppressedFigureResponse } from '@saeil/statistics';
import type { Cell } from '../domain/indicators';
import type { FigureSource } from './dashboard-queries';

const CELL = {
  ...PUBLISHED_RATE,
  description: 'a number, null (nothing to count), or `{ suppressed: true }` (비공개: below the threshold, never 0)',
};
const SOURCES = ['report', 'sumOfCenters', 'sumOfRegions', 'none'];

export class RetentionIndicatorResponse {
  @ApiProperty({ enum: [1, 2, 3] }) n: 1 | 2 | 3;
  @ApiProperty(PUBLISHED_COUNT) eligible: Cell;
  @ApiProperty(PUBLISHED_COUNT) sameEmployer: Cell;
  @ApiProperty(CELL) rate: Cell;
}

@ApiExtraModels(SuppressedFigureResponse)
export class IndicatorsResponse {
  @ApiProperty(CELL) clientsRegistered: Cell;
  @ApiProperty(CELL) placements: Cell;
  @ApiProperty(CELL) employedClients: Cell;
  @ApiProperty({ type: [RetentionIndicatorResponse] }) retention: RetentionIndicatorResponse[];
  @ApiProperty(CELL) trainingCompleters: Cell;
  @ApiProperty(CELL) trainingCompletersEmployed: Cell;
  @ApiProperty(CELL) trainingEmploymentRate: Cell;
  @ApiProperty(CELL) kpiAchievement: Cell;
}

export class RegionRowResponse {
  @ApiProperty({ example: '전라남도' }) region: string;
  @ApiProperty({
    enum: SOURCES,
    description: "report: the 시·도's own report; sumOfCenters: its centers' reports added; none: nothing submitted",
  })
  source: FigureSource;
  @ApiProperty({ type: Number, nullable: true }) version: number | null;
  @ApiProperty() centersListed: number;
  @ApiProperty() centersSubmitted: number;
  @ApiProperty({ type: IndicatorsResponse, nullable: true }) indicators: IndicatorsResponse | null;
}

export class NationalPictureResponse {
  @ApiProperty({ example: '2026-03' }) period: string;
  @ApiProperty({ enum: SOURCES }) source: FigureSource;
  @ApiProperty({ type: IndicatorsResponse, nullable: true }) indicators: IndicatorsResponse | null;
  @ApiProperty({ type: [RegionRowResponse] }) regions: RegionRowResponse[];
  @ApiProperty() centersListed: number;
  @ApiProperty() centersSubmitted: number;
}

export class CenterRowResponse {
  @ApiProperty({ example: 'center-naju' }) centerId: string;
  @ApiProperty() name: string;
  @ApiProperty() region: string;
  @ApiProperty() submitted: boolean;
  @ApiProperty({ type: Number, nullable: true }) version: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) submittedOn: string | null;
  @ApiProperty({ type: IndicatorsResponse, nullable: true }) indicators: IndicatorsResponse | null;
}

export class RegionPictureResponse {
  @ApiProperty() period: string;
  @ApiProperty({ type: RegionRowResponse }) region: RegionRowResponse;
  @ApiProperty({ type: [CenterRowResponse] }) centers: CenterRowResponse[];
}

export class PeriodSummaryResponse {
  @ApiProperty({ example: '2026-03' }) period: string;
  @ApiProperty({ enum: ['month', 'quarter'] }) kind: 'month' | 'quarter';
  @ApiProperty() centerReports: number;
  @ApiProperty() regionReports: number;
  @ApiProperty() nationReports: number;
}

export class TrendPointResponse {
  @ApiProperty() period: string;
  @ApiProperty({ enum: SOURCES }) source: FigureSource;
  @ApiProperty({ type: IndicatorsResponse, nullable: true }) indicators: IndicatorsResponse | null;
}

export class DashboardVersionResponse {
  @ApiProperty() reportId: string;
  @ApiProperty({ enum: REPORT_LEVELS }) level: ReportLevel;
  @ApiPropertyOptional({ type: String, nullable: true }) scopeId: string | null;
  @ApiProperty() period: string;
  @ApiProperty({ description: '1, then n + 1 for each correction' }) version: number;
  @ApiProperty({ format: 'date' }) submittedOn: string;
  @ApiProperty() asOfPosition: number;
  @ApiProperty() contentHash: string;
  @ApiProperty({ type: IndicatorsResponse }) indicators: IndicatorsResponse;
}
