import { ApiProperty } from '@nestjs/swagger';
import { NOT_MOVED_MESSAGES, NotMovedReason } from '../../domain/reassignment';

export class ReassignedCase {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ description: 'the counselor who carries her case now' }) toCounselorId: string;
  @ApiProperty({ description: 'global position of her CounselorAssigned (pass as minPosition)' }) position: number;
}

export class CaseNotReassigned {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: Object.keys(NOT_MOVED_MESSAGES) }) reason: NotMovedReason;
  @ApiProperty({ example: NOT_MOVED_MESSAGES.CASE_CLOSED }) message: string;
}

/** What a bulk reassignment moved, and what it did not and why. */
export class ReassignmentReport {
  @ApiProperty({ description: 'the counselor the cases were taken from' }) fromCounselorId: string;
  @ApiProperty() centerId: string;
  @ApiProperty({ type: [ReassignedCase] }) moved: ReassignedCase[];
  @ApiProperty({ type: [CaseNotReassigned] }) notMoved: CaseNotReassigned[];
  @ApiProperty({
    description: 'highest position written (0 when nothing moved): pass it as minPosition to read the caseload after',
  })
  position: number;
  @ApiProperty({
    description: 'True when an Idempotency-Key matched an earlier request: its report, nothing moved now',
  })
  duplicate: boolean;
}
