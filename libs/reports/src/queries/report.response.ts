import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_LEVELS } from '@saeil/contracts';
import type { MinistryReportFigures, ReportLevel } from '@saeil/contracts';
// Retention and employment figures are published in the same shape as the statistics reads give readers above the center.
import {
  EmploymentFiguresResponse,
  PUBLISHED_COUNT,
  PUBLISHED_RATE,
  RetentionFiguresResponse,
  SuppressedFigureResponse,
} from '@saeil/statistics';
import type { Count, Rate } from '@saeil/statistics';

/** A person count as published (the number, or `{ suppressed: true }` below the threshold, 0 included), and a rate likewise. */
const COUNT = PUBLISHED_COUNT;
const RATE = PUBLISHED_RATE;

export class ReportPeriodResponse {
  @ApiProperty({ example: '2026-Q1', description: '`2026-03` (a month) or `2026-Q1` (a quarter)' }) key: string;
  @ApiProperty({ enum: ['month', 'quarter'] }) kind: 'month' | 'quarter';
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
}

export class ReportRetentionRowResponse {
  @ApiProperty() key: string;
  @ApiProperty({ type: [RetentionFiguresResponse] }) milestones: RetentionFiguresResponse[];
}

export class ReportRetentionBreakdownResponse {
  @ApiProperty({ enum: ['center', 'region', 'program', 'employmentType', 'occupationGroup', 'placementMonth'] })
  dimension: 'center' | 'region' | 'program' | 'employmentType' | 'occupationGroup' | 'placementMonth';
  @ApiProperty({ type: [ReportRetentionRowResponse] }) rows: ReportRetentionRowResponse[];
}

export class ReportActivityFiguresResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Per counseling channel; every key present',
  })
  counselingSessionsByChannel: Record<string, number>;
  @ApiProperty({ description: '집단상담 연인원 (visits, not distinct persons)' }) groupProgramAttendances: number;
  @ApiProperty() outreachEvents: number;
  @ApiProperty({ ...COUNT, description: 'People reached by outreach' }) outreachContacts: Count;
  @ApiProperty() agreementsSigned: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Per agreement kind; every key present',
  })
  agreementsByKind: Record<string, number>;
  @ApiProperty() councilMeetings: number;
  @ApiProperty() jobFairs: number;
  @ApiProperty({ ...COUNT, description: '사후관리 수혜자 수 (distinct clients)' }) retentionBeneficiaries: Count;
}

export class ReportKpiIndicatorResponse {
  @ApiProperty() indicatorId: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty() termTarget: number;
  @ApiProperty(RATE) actual: Rate;
  @ApiProperty(RATE) achievement: Rate;
  @ApiPropertyOptional() weight?: number;
  @ApiProperty() source: string;
}

export class ReportKpiTermResponse {
  @ApiProperty() fromYear: number;
  @ApiProperty() toYear: number;
}

export class ReportKpiPlanResponse {
  @ApiProperty() planId: string;
  @ApiProperty() name: string;
  @ApiProperty() centerId: string;
  @ApiProperty({ type: ReportKpiTermResponse }) term: ReportKpiTermResponse;
  @ApiProperty({ type: [ReportKpiIndicatorResponse] }) indicators: ReportKpiIndicatorResponse[];
  @ApiProperty(RATE) overall: Rate;
}

/** The Ministry report's figures (`MinistryReportFigures`): de-identified, small person counts suppressed. */
@ApiExtraModels(SuppressedFigureResponse)
export class MinistryReportResponse {
  @ApiProperty({ enum: REPORT_LEVELS }) level: ReportLevel;
  @ApiProperty({ type: String, nullable: true, description: 'The center id or region name; null for the nation' })
  scopeId: string | null;
  @ApiProperty({ type: ReportPeriodResponse }) period: ReportPeriodResponse;
  @ApiProperty({ description: 'The event-store position every figure is as of' }) asOfPosition: number;
  @ApiProperty({ format: 'date' }) asOfDate: string;
  @ApiProperty({ enum: ['placement_start', 'milestone_date'] }) retentionCohort: 'placement_start' | 'milestone_date';
  @ApiProperty() suppressionThreshold: number;
  @ApiProperty({ type: [RetentionFiguresResponse] }) retention: RetentionFiguresResponse[];
  @ApiProperty({ type: [ReportRetentionBreakdownResponse] }) retentionBreakdowns: ReportRetentionBreakdownResponse[];
  @ApiProperty({ type: EmploymentFiguresResponse }) employment: EmploymentFiguresResponse;
  @ApiProperty({ type: ReportActivityFiguresResponse }) activity: ReportActivityFiguresResponse;
  @ApiProperty({ type: [ReportKpiPlanResponse] }) kpi: ReportKpiPlanResponse[];
}

/** The figures unsuppressed (same sections and shapes as the report, every count a number): a center's own view. */
export class ReportExactFiguresResponse {
  @ApiProperty({ type: [RetentionFiguresResponse] }) retention: RetentionFiguresResponse[];
  @ApiProperty({ type: [ReportRetentionBreakdownResponse] }) retentionBreakdowns: ReportRetentionBreakdownResponse[];
  @ApiProperty({ type: EmploymentFiguresResponse }) employment: EmploymentFiguresResponse;
  @ApiProperty({ type: ReportActivityFiguresResponse }) activity: ReportActivityFiguresResponse;
  @ApiProperty({ type: [ReportKpiPlanResponse] }) kpi: ReportKpiPlanResponse[];
}

/** The preview: the report as the Ministry will see it, and for a center's own staff her exact figures beside it. */
export class MinistryReportPreviewResponse extends MinistryReportResponse {
  @ApiPropertyOptional({
    enum: ['center'],
    description:
      "Present in the center's own view (view=center): `exact` holds her figures unsuppressed; every other field is what the Ministry will see",
  })
  view?: 'center';
  @ApiPropertyOptional({
    type: ReportExactFiguresResponse,
    description:
      "센터 실제 값 (센터 내부용): the same figures before small-cell suppression; only for the center's own staff, never submitted",
  })
  exact?: ReportExactFiguresResponse;
}

/** A submitted version in a list: its facts, without the figures. */
export class ReportVersionResponse {
  @ApiProperty({ description: 'The report (level, scope, period) all its versions share: its stream id' })
  reportId: string;
  @ApiProperty({ enum: REPORT_LEVELS }) level: ReportLevel;
  @ApiPropertyOptional() scopeId?: string;
  @ApiProperty() period: string;
  @ApiProperty({ description: '1 for the first submission, n + 1 for each correction' }) version: number;
  @ApiProperty() asOfPosition: number;
  @ApiProperty({ description: "sha256 (hex) of the figures' canonical JSON (RFC 8785)" }) contentHash: string;
  @ApiProperty({ format: 'date' }) submittedOn: string;
  @ApiProperty({ description: 'Global position of the submission event' }) position: number;
  @ApiProperty() recordedAt: string;
}

/** The three forms of a report file, chosen by `?format=` (json by default). */
export const REPORT_FILE_ANSWER = {
  json: MinistryReportResponse,
  files: [
    {
      mediaType: 'text/csv',
      description: 'format=csv: the report as CSV (UTF-8), suppressed cells 비공개; sent as an attachment',
    },
    {
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      description: 'format=xlsx: the report as a spreadsheet; sent as an attachment',
      binary: true,
    },
  ],
  description:
    'format=json (default): the canonical JSON of the figures (the bytes whose sha256 is the content hash); csv and xlsx: the same figures as a file',
};

/** The preview: a center's own staff get the exact figures too (view=center): JSON `exact`, a fifth CSV/XLSX column. */
export const REPORT_PREVIEW_ANSWER = {
  ...REPORT_FILE_ANSWER,
  json: MinistryReportPreviewResponse,
  description:
    "format=json (default): the canonical JSON of the figures (with view=ministry, the bytes a submission as of the same position freezes); view=center adds `view` and `exact`. csv and xlsx: the same figures as a file, with the column 센터 실제 값 (센터 내부용) in the center's view",
};

/** The file routes answer `MinistryReportFigures` as bytes: this stops compiling when the class no longer describes them. */
type Describes<Documented, Answered extends Documented> = Answered;
export type MinistryReportDocumented = Describes<MinistryReportResponse, MinistryReportFigures>;
