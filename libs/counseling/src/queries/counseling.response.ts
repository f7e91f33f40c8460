import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNSELING_CHANNELS, PLANNED_SERVICES } from '@saeil/contracts';
import type { CounselingChannel, PlannedService } from '@saeil/contracts';

export class PlanNextActionResponse {
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
}

/** What a revision changed: only the parts sent, with their new value. */
export class EmploymentPlanChangesResponse {
  @ApiPropertyOptional({ type: [String] }) goals?: string[];
  @ApiPropertyOptional() desiredOccupation?: string;
  @ApiPropertyOptional({ enum: PLANNED_SERVICES, isArray: true }) plannedServices?: PlannedService[];
  @ApiPropertyOptional({ type: PlanNextActionResponse }) nextAction?: PlanNextActionResponse;
}

export class EmploymentPlanRevisionResponse {
  @ApiProperty({ description: '1 for the first revision, 2 for the second …' }) revision: number;
  @ApiProperty({ type: EmploymentPlanChangesResponse }) changes: EmploymentPlanChangesResponse;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date' }) revisedOn: string;
}

export class EmploymentPlanViewResponse {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() planId: string;
  @ApiProperty() centerId: string;
  @ApiProperty() counselorId: string;
  @ApiProperty({ type: [String] }) goals: string[];
  @ApiProperty() desiredOccupation: string;
  @ApiProperty({ enum: PLANNED_SERVICES, isArray: true }) plannedServices: PlannedService[];
  @ApiProperty({ type: PlanNextActionResponse }) nextAction: PlanNextActionResponse;
  @ApiProperty({ format: 'date' }) setOn: string;
  @ApiProperty({ format: 'date', description: 'Day of the last change: the setting or the latest revision' })
  lastChangedOn: string;
  @ApiProperty({ type: [EmploymentPlanRevisionResponse], description: 'Oldest first' })
  revisions: EmploymentPlanRevisionResponse[];
}

export class GroupSessionResponse {
  @ApiProperty() sessionNo: number;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiPropertyOptional() topic?: string;
  @ApiProperty({ type: [String] }) attendeeClientIds: string[];
  @ApiProperty() registeredAttendees: number;
  @ApiProperty() walkIns: number;
  @ApiProperty() participants: number;
}

export class GroupAttendanceResponse {
  @ApiProperty() sessionsHeld: number;
  @ApiProperty({ description: '연인원: participants summed over sessions (registered attendees and walk-ins)' })
  participations: number;
  @ApiProperty() walkIns: number;
  @ApiProperty({ description: 'Distinct registered clients who attended at least one session' })
  distinctClients: number;
}

export class GroupProgramViewResponse {
  @ApiProperty() programId: string;
  @ApiProperty() centerId: string;
  @ApiProperty() name: string;
  @ApiProperty() year: number;
  @ApiProperty() plannedSessions: number;
  @ApiProperty() plannedParticipants: number;
  @ApiProperty({ type: [GroupSessionResponse], description: 'By session number' }) sessions: GroupSessionResponse[];
  @ApiProperty({ type: GroupAttendanceResponse }) attendance: GroupAttendanceResponse;
}

export class CounselingSessionItemResponse {
  @ApiProperty() sessionId: string;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty({ enum: COUNSELING_CHANNELS }) channel: CounselingChannel;
  @ApiPropertyOptional() place?: string;
  @ApiProperty() topic: string;
  @ApiProperty() durationMinutes: number;
  @ApiPropertyOptional({ description: '상담 내용, opened from its envelope' }) notes?: string;
  @ApiPropertyOptional({
    enum: [true],
    description: 'Set when the session had notes that can no longer be read: she was erased',
  })
  notesErased?: true;
  @ApiProperty() counselorId: string;
  @ApiProperty() centerId: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ description: 'The account that recorded it' }) recordedBy: string;
}

export class CounselingSessionPageResponse {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ type: [CounselingSessionItemResponse], description: 'Newest first' })
  items: CounselingSessionItemResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty() totalMinutes: number;
}
