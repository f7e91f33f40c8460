import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ConsistencyResponse } from '@saeil/core';
import { ACTIVITY_KINDS } from '../../center-activities/activity-kinds';

/** The facts a list shows of each kind (only its own kind's fields are present). */
export class CenterActivityDetailsResponse {
  // course
  @ApiPropertyOptional({ description: 'course: 훈련기관' }) provider?: string;
  @ApiPropertyOptional({ description: 'course: 훈련 분야' }) field?: string;
  @ApiPropertyOptional({ format: 'date' }) startsOn?: string;
  @ApiPropertyOptional({ format: 'date' }) endsOn?: string;
  @ApiPropertyOptional() hours?: number;
  @ApiPropertyOptional({ description: 'course: 정원' }) capacity?: number;
  // group program
  @ApiPropertyOptional() year?: number;
  @ApiPropertyOptional() plannedSessions?: number;
  @ApiPropertyOptional() plannedParticipants?: number;
  @ApiPropertyOptional({ description: 'group program: distinct sessions recorded' }) sessionsHeld?: number;
  @ApiPropertyOptional({ type: [Number], description: 'group program: the session numbers recorded' })
  sessionNos?: number[];
  @ApiPropertyOptional({ description: 'group program: 연인원 (registered attendees and walk-ins, all sessions)' })
  attendances?: number;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) lastHeldOn?: string | null;
  // outreach, job fair, council meeting
  @ApiPropertyOptional({ format: 'date' }) heldOn?: string;
  @ApiPropertyOptional({ type: [String] }) counselorIds?: string[];
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'outreach: the display name of each of counselorIds, by account id (an id with no account left is not named)',
  })
  counselorNames?: Record<string, string>;
  @ApiPropertyOptional() walkInContacts?: number;
  @ApiPropertyOptional() registeredClients?: number;
  @ApiPropertyOptional({ type: String, nullable: true }) notes?: string | null;
  // employer
  @ApiPropertyOptional() businessRegistrationNumber?: string;
  @ApiPropertyOptional() industry?: string;
  @ApiPropertyOptional({ enum: ['micro', 'small', 'medium', 'large'] }) size?: string;
  @ApiPropertyOptional() servicesProvided?: number;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) lastServiceOn?: string | null;
  // agreement
  @ApiPropertyOptional({ enum: ['women_friendly_company', 'institution_mou'] }) agreementKind?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) employerId?: string | null;
  @ApiPropertyOptional({ format: 'date' }) signedOn?: string;
  @ApiPropertyOptional({ format: 'date' }) termStart?: string;
  @ApiPropertyOptional({ format: 'date' }) termEnd?: string;
  @ApiPropertyOptional() renewals?: number;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date' }) endedOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) endReason?: string | null;
  // job fair
  @ApiPropertyOptional() companies?: number;
  @ApiPropertyOptional() applicants?: number;
  @ApiPropertyOptional() hires?: number;
  // council meeting
  @ApiPropertyOptional({ type: [String] }) attendees?: string[];
}

export class CenterActivityResponse {
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: string;
  @ApiProperty({
    format: 'uuid',
    description: 'courseId, programId, outreachId, employerId, agreementId, jobFairId or meetingId',
  })
  id: string;
  @ApiProperty() centerId: string;
  @ApiProperty({
    description: 'Course title, program name, outreach place, employer or party name, fair name, meeting title',
  })
  title: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'The day it is listed by (start, signing, holding; 1 January of a program year); null for employers',
  })
  date: string | null;
  @ApiProperty({ type: CenterActivityDetailsResponse }) details: CenterActivityDetailsResponse;
}

export class CenterActivitiesPageResponse {
  @ApiProperty({ type: [CenterActivityResponse] }) items: CenterActivityResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}
