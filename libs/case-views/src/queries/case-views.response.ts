import { ApiProperty } from '@nestjs/swagger';
import { ConsistencyResponse } from '@saeil/core';
import { CASE_STATUSES } from '../caseload/caseload-facts';

export class NextActionResponse {
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
}

export class CaseloadItemResponse {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() centerId: string;
  @ApiProperty({ description: 'Her counselor’s account id' }) counselorId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Her counselor’s display name, read now (a rename shows); null for an id that is no account',
  })
  counselorName: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Opened from her sealed identity; null once she is erased',
  })
  name: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) birthDate: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'In clear (age band), erased or not' }) birthYear:
    number | null;
  @ApiProperty({ description: 'Her personal data was erased: name, birth date and phone are gone for good' })
  erased: boolean;
  @ApiProperty() region: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: string;
  @ApiProperty() registeredAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) lastContactOn: string | null;
  @ApiProperty({ type: NextActionResponse, nullable: true }) nextAction: NextActionResponse | null;
  @ApiProperty() lastEventAt: string;
}

export class CaseloadPageResponse {
  @ApiProperty({ type: [CaseloadItemResponse] }) items: CaseloadItemResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}

export class TimelineEntryResponse {
  @ApiProperty({ description: 'When it happened' }) occurredAt: string;
  @ApiProperty({ description: 'When it was recorded (later than occurredAt when recorded late)' }) recordedAt: string;
  @ApiProperty({ description: 'Who recorded it: an account id, or system:<part> for the system' }) actorId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Her account’s display name, read now (a rename shows); null for the system',
  })
  actorName: string | null;
  @ApiProperty() centerId: string;
  @ApiProperty({ description: 'What happened, in plain Korean' }) summary: string;
  @ApiProperty({ description: 'The event type, e.g. ClientRegistered' }) type: string;
  @ApiProperty({ description: 'The bounded context that recorded it' }) context: string;
  @ApiProperty() position: number;
}

export class TimelinePageResponse {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({
    type: [TimelineEntryResponse],
    description: 'Newest first: by the day it happened (Korean calendar), within a day by when it was recorded',
  })
  items: TimelineEntryResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}
