import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CENTER_LEVELS } from '../centers/centers-directory';
import type { CenterLevel } from '../centers/centers-directory';
import { RETENTION_COHORTS, RETENTION_DIMENSIONS } from '../statistics-source';
import type { RetentionCohort, RetentionDimension, StatisticsLevel } from '../statistics-source';
import { STATISTICS_LEVELS } from './statistics-read.dto';

/** A count per key; every key of its enumeration is present, 0 when nothing counts. */
const COUNTS = (keys: string) => ({ type: 'object', additionalProperties: { type: 'number' }, description: `A count per key (${keys}); every key present, 0 when nothing counts` }) as const;

export class StatisticsScopeResponse {
  @ApiProperty({ enum: STATISTICS_LEVELS }) level: StatisticsLevel;
  @ApiPropertyOptional({ description: 'A center id, or a 시·도 by its official name (or 미지정); none for the nation' }) id?: string;
}

export class StatisticsPeriodResponse {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date', description: 'Inclusive' }) to: string;
}

export class StatisticsConsistencyResponse {
  @ApiProperty() minPosition: number;
  @ApiProperty() reached: boolean;
}

export class ActivityFiguresResponse {
  @ApiProperty(COUNTS('counseling channels: in_center, phone, online, mobile_outreach, partner_institution')) counselingSessionsByChannel: Record<string, number>;
  @ApiProperty({ description: '집단상담 연인원: attendances of registered clients and walk-ins' }) groupProgramAttendances: number;
  @ApiProperty({ description: '찾아가는 이동상담 held' }) outreachEvents: number;
  @ApiProperty({ description: 'People reached by them: walk-in contacts + registered clients counselled there' }) outreachContacts: number;
  @ApiProperty() agreementsSigned: number;
  @ApiProperty(COUNTS('agreement kinds: women_friendly_company, institution_mou')) agreementsByKind: Record<string, number>;
  @ApiProperty() councilMeetings: number;
  @ApiProperty() jobFairs: number;
  @ApiProperty({ description: '사후관리 수혜자 수: distinct clients with a follow-up with support contacted in the period' }) retentionBeneficiaries: number;
}

export class EmploymentFiguresResponse {
  @ApiProperty() clientsRegistered: number;
  @ApiProperty() employedClients: number;
  @ApiProperty() placements: number;
  @ApiProperty(COUNTS('employment types: regular, contract, part_time, daily, other')) placementsByEmploymentType: Record<string, number>;
  @ApiProperty(COUNTS('KECO 대분류 0–9')) placementsByOccupationGroup: Record<string, number>;
  @ApiProperty(COUNTS('wage bands in KRW/month: under_2m, 2m_3m, 3m_4m, 4m_and_over')) placementsByWageBand: Record<string, number>;
  @ApiProperty(COUNTS('channels: center, self')) placementsByChannel: Record<string, number>;
  @ApiProperty() trainingCompleters: number;
  @ApiProperty() trainingCompletersEmployed: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent, unrounded; null when nobody completed' }) trainingEmploymentRate: number | null;
  @ApiProperty() internshipConversions: number;
  @ApiProperty() startups: number;
}

export class RetentionFiguresResponse {
  @ApiProperty({ enum: [1, 2, 3], description: 'The milestone, months after the start' }) n: 1 | 2 | 3;
  @ApiProperty() eligible: number;
  @ApiProperty() sameEmployer: number;
  @ApiProperty() otherEmployer: number;
  @ApiProperty() notEmployed: number;
  @ApiProperty() unreachable: number;
  @ApiProperty() unverified: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent, unrounded; null when nobody is eligible' }) retentionRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) anyEmployerRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) unverifiedShare: number | null;
}

export class ActivityRowResponse {
  @ApiProperty({ description: 'A center id or a region' }) key: string;
  @ApiProperty({ type: ActivityFiguresResponse }) activity: ActivityFiguresResponse;
}

export class EmploymentRowResponse {
  @ApiProperty({ description: 'A center id or a region' }) key: string;
  @ApiProperty({ type: EmploymentFiguresResponse }) employment: EmploymentFiguresResponse;
}

export class RetentionRowResponse {
  @ApiProperty({ description: "The dimension's value (a centerId, a region, a programId, 'regular', '0', '2026-03', …)" }) key: string;
  @ApiProperty({ type: [RetentionFiguresResponse] }) figures: RetentionFiguresResponse[];
}

class StatisticsAnswer {
  @ApiProperty({ type: StatisticsScopeResponse }) scope: StatisticsScopeResponse;
  @ApiProperty({ type: StatisticsPeriodResponse }) period: StatisticsPeriodResponse;
  @ApiProperty({ description: 'Every figure counts the events at or below this global position' }) asOfPosition: number;
  @ApiPropertyOptional({ type: StatisticsConsistencyResponse }) consistency?: StatisticsConsistencyResponse;
}

export class ActivityStatisticsResponse extends StatisticsAnswer {
  @ApiProperty({ type: ActivityFiguresResponse }) activity: ActivityFiguresResponse;
  @ApiPropertyOptional({ enum: ['center', 'region'] }) by?: 'center' | 'region';
  @ApiPropertyOptional({ type: [ActivityRowResponse], description: 'Each center or region of the scope; they add up to the scope\'s figures' }) rows?: ActivityRowResponse[];
}

export class EmploymentStatisticsResponse extends StatisticsAnswer {
  @ApiProperty({ type: EmploymentFiguresResponse }) employment: EmploymentFiguresResponse;
  @ApiPropertyOptional({ enum: ['center', 'region'] }) by?: 'center' | 'region';
  @ApiPropertyOptional({ type: [EmploymentRowResponse], description: 'Each center or region of the scope; they add up to the scope\'s figures' }) rows?: EmploymentRowResponse[];
}

export class RetentionStatisticsResponse extends StatisticsAnswer {
  @ApiProperty({ format: 'date', description: 'Milestones and follow-ups as they stood at the end of this day' }) asOfDate: string;
  @ApiProperty({ enum: RETENTION_COHORTS }) cohort: RetentionCohort;
  @ApiProperty({ type: [RetentionFiguresResponse], description: 'Months 1, 2 and 3' }) retention: RetentionFiguresResponse[];
  @ApiPropertyOptional({ enum: RETENTION_DIMENSIONS }) by?: RetentionDimension;
  @ApiPropertyOptional({ type: [RetentionRowResponse] }) rows?: RetentionRowResponse[];
}

export class StatisticsCenterResponse {
  @ApiProperty() centerId: string;
  @ApiProperty({ type: String, nullable: true, description: 'null for a center the directory does not list (its region is 미지정)' }) name: string | null;
  @ApiProperty({ enum: CENTER_LEVELS, nullable: true }) level: CenterLevel | null;
  @ApiProperty() region: string;
}

export class StatisticsCentersResponse {
  @ApiProperty({ type: [StatisticsCenterResponse] }) centers: StatisticsCenterResponse[];
}
