import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { CENTER_LEVELS } from '../centers/centers-directory';
import type { CenterLevel } from '../centers/centers-directory';
import { RETENTION_COHORTS, RETENTION_DIMENSIONS } from '../statistics-source';
import type { RetentionCohort, RetentionDimension, StatisticsLevel } from '../statistics-source';
import { STATISTICS_LEVELS } from './statistics-read.dto';

/** A person count below the suppression threshold: no value, no reason (the Ministry report's rule). */
export class SuppressedFigureResponse {
  @ApiProperty({ enum: [true] }) suppressed: true;
}

/**
 * A person count as published: exact for a reader whose scope is one center; for readers above
 * the center (`disclosure: 'suppressed'`), `{ suppressed: true }` below the threshold (0 included).
 */
export const PUBLISHED_COUNT = { oneOf: [{ type: 'number' }, { $ref: getSchemaPath(SuppressedFigureResponse) }] };
/** A rate in percent, unrounded: null when its denominator is 0, or suppressed. */
export const PUBLISHED_RATE = {
  oneOf: [{ type: 'number', nullable: true }, { $ref: getSchemaPath(SuppressedFigureResponse) }],
};
export type Count = number | SuppressedFigureResponse;
export type Rate = number | null | SuppressedFigureResponse;
const COUNT = PUBLISHED_COUNT;
const RATE = PUBLISHED_RATE;

/** A count per key; every key of its enumeration is present, 0 when nothing counts. */
const COUNTS = (keys: string) =>
  ({
    type: 'object',
    additionalProperties: PUBLISHED_COUNT,
    description: `A count per key (${keys}); every key present, 0 when nothing counts`,
  }) as const;

export class StatisticsScopeResponse {
  @ApiProperty({ enum: STATISTICS_LEVELS }) level: StatisticsLevel;
  @ApiPropertyOptional({ description: 'A center id, or a 시·도 by its official name (or 미지정); none for the nation' })
  id?: string;
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
  @ApiProperty(COUNTS('counseling channels: in_center, phone, online, mobile_outreach, partner_institution'))
  counselingSessionsByChannel: Record<string, Count>;
  @ApiProperty({ ...COUNT, description: '집단상담 연인원: attendances of registered clients and walk-ins' })
  groupProgramAttendances: Count;
  @ApiProperty({ ...COUNT, description: '찾아가는 이동상담 held' }) outreachEvents: Count;
  @ApiProperty({
    ...COUNT,
    description: 'People reached by them: walk-in contacts + registered clients counselled there',
  })
  outreachContacts: Count;
  @ApiProperty(COUNT) agreementsSigned: Count;
  @ApiProperty(COUNTS('agreement kinds: women_friendly_company, institution_mou')) agreementsByKind: Record<
    string,
    Count
  >;
  @ApiProperty(COUNT) councilMeetings: Count;
  @ApiProperty(COUNT) jobFairs: Count;
  @ApiProperty({
    ...COUNT,
    description: '사후관리 수혜자 수: distinct clients with a follow-up with support contacted in the period',
  })
  retentionBeneficiaries: Count;
}

export class EmploymentFiguresResponse {
  @ApiProperty(COUNT) clientsRegistered: Count;
  @ApiProperty(COUNT) employedClients: Count;
  @ApiProperty(COUNT) placements: Count;
  @ApiProperty(COUNTS('employment types: regular, contract, part_time, daily, other'))
  placementsByEmploymentType: Record<string, Count>;
  @ApiProperty(COUNTS('KECO 대분류 0–9')) placementsByOccupationGroup: Record<string, Count>;
  @ApiProperty(COUNTS('wage bands in KRW/month: under_2m, 2m_3m, 3m_4m, 4m_and_over')) placementsByWageBand: Record<
    string,
    Count
  >;
  @ApiProperty(COUNTS('channels: center, self')) placementsByChannel: Record<string, Count>;
  @ApiProperty(COUNT) trainingCompleters: Count;
  @ApiProperty(COUNT) trainingCompletersEmployed: Count;
  @ApiProperty({ ...RATE, description: 'Percent, unrounded; null when nobody completed' }) trainingEmploymentRate: Rate;
  @ApiProperty(COUNT) internshipConversions: Count;
  @ApiProperty(COUNT) startups: Count;
}

export class RetentionFiguresResponse {
  @ApiProperty({ enum: [1, 2, 3], description: 'The milestone, months after the start' }) n: 1 | 2 | 3;
  @ApiProperty(COUNT) eligible: Count;
  @ApiProperty(COUNT) sameEmployer: Count;
  @ApiProperty(COUNT) otherEmployer: Count;
  @ApiProperty(COUNT) notEmployed: Count;
  @ApiProperty(COUNT) unreachable: Count;
  @ApiProperty(COUNT) unverified: Count;
  @ApiProperty({ ...RATE, description: 'Percent, unrounded; null when nobody is eligible' }) retentionRate: Rate;
  @ApiProperty(RATE) anyEmployerRate: Rate;
  @ApiProperty(RATE) unverifiedShare: Rate;
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
  @ApiProperty({
    description: "The dimension's value (a centerId, a region, a programId, 'regular', '0', '2026-03', …)",
  })
  key: string;
  @ApiProperty({ type: [RetentionFiguresResponse] }) figures: RetentionFiguresResponse[];
}

@ApiExtraModels(SuppressedFigureResponse)
class StatisticsAnswer {
  @ApiProperty({ type: StatisticsScopeResponse }) scope: StatisticsScopeResponse;
  @ApiProperty({ type: StatisticsPeriodResponse }) period: StatisticsPeriodResponse;
  @ApiProperty({ description: 'Every figure counts the events at or below this global position' }) asOfPosition: number;
  @ApiPropertyOptional({ type: StatisticsConsistencyResponse }) consistency?: StatisticsConsistencyResponse;
  @ApiPropertyOptional({
    enum: ['suppressed'],
    description:
      'Present for readers above the center: person counts below suppressionThreshold are { suppressed: true }, and a breakdown is suppressed with its total so nothing hidden can be subtracted back',
  })
  disclosure?: 'exact' | 'suppressed';
  @ApiPropertyOptional({ description: 'The smallest count shown, with disclosure: suppressed' })
  suppressionThreshold?: number;
}

export class ActivityStatisticsResponse extends StatisticsAnswer {
  @ApiProperty({ type: ActivityFiguresResponse }) activity: ActivityFiguresResponse;
  @ApiPropertyOptional({ enum: ['center', 'region'] }) by?: 'center' | 'region';
  @ApiPropertyOptional({
    type: [ActivityRowResponse],
    description: "Each center or region of the scope; they add up to the scope's figures",
  })
  rows?: ActivityRowResponse[];
}

export class EmploymentStatisticsResponse extends StatisticsAnswer {
  @ApiProperty({ type: EmploymentFiguresResponse }) employment: EmploymentFiguresResponse;
  @ApiPropertyOptional({ enum: ['center', 'region'] }) by?: 'center' | 'region';
  @ApiPropertyOptional({
    type: [EmploymentRowResponse],
    description: "Each center or region of the scope; they add up to the scope's figures",
  })
  rows?: EmploymentRowResponse[];
}

export class RetentionStatisticsResponse extends StatisticsAnswer {
  @ApiProperty({ format: 'date', description: 'Milestones and follow-ups as they stood at the end of this day' })
  asOfDate: string;
  @ApiProperty({ enum: RETENTION_COHORTS }) cohort: RetentionCohort;
  @ApiProperty({ type: [RetentionFiguresResponse], description: 'Months 1, 2 and 3' })
  retention: RetentionFiguresResponse[];
  @ApiPropertyOptional({ enum: RETENTION_DIMENSIONS }) by?: RetentionDimension;
  @ApiPropertyOptional({ type: [RetentionRowResponse] }) rows?: RetentionRowResponse[];
}

export class StatisticsCenterResponse {
  @ApiProperty() centerId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'null for a center the directory does not list (its region is 미지정)',
  })
  name: string | null;
  @ApiProperty({ enum: CENTER_LEVELS, nullable: true }) level: CenterLevel | null;
  @ApiProperty() region: string;
}

export class StatisticsCentersResponse {
  @ApiProperty({ type: [StatisticsCenterResponse] }) centers: StatisticsCenterResponse[];
}
