import { ApiProperty } from '@nestjs/swagger';
import { ConsistencyResponse } from '@saeil/core';

export class FollowUpWindowResponse {
  @ApiProperty({ format: 'date' }) opensOn: string;
  @ApiProperty({ format: 'date' }) closesOn: string;
}

export class FollowUpQueueItemResponse {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Opened from her sealed identity; null until her registration reaches the queue, and for good once her personal data is erased',
  })
  clientName: string | null;
  @ApiProperty() placementId: string;
  @ApiProperty({ type: String, nullable: true }) employerName: string | null;
  @ApiProperty({ description: 'The milestone: 1, 2 or 3 months after the start' }) n: number;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: FollowUpWindowResponse }) window: FollowUpWindowResponse;
}

export class FollowUpQueueResponse {
  @ApiProperty() counselorId: string;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ type: [FollowUpQueueItemResponse], description: 'The window is open or opens within 6 days' })
  dueThisWeek: FollowUpQueueItemResponse[];
  @ApiProperty({ type: [FollowUpQueueItemResponse] }) overdue: FollowUpQueueItemResponse[];
  @ApiProperty({ type: [FollowUpQueueItemResponse] }) upcoming: FollowUpQueueItemResponse[];
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}

export class CounselorQueueCountsResponse {
  @ApiProperty() counselorId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Her display name, read now (a rename shows); null for an id that is no account',
  })
  counselorName: string | null;
  @ApiProperty() dueThisWeek: number;
  @ApiProperty() overdue: number;
  @ApiProperty() upcoming: number;
}

export class FollowUpQueueByCounselorResponse {
  @ApiProperty() centerId: string;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ type: [CounselorQueueCountsResponse] }) counselors: CounselorQueueCountsResponse[];
  @ApiProperty({ type: ConsistencyResponse, required: false }) consistency?: ConsistencyResponse;
}
