import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString } from 'class-validator';
import { IsCenterOrCounselorId, IsRecordId } from '@saeil/core';
import { Absent, IsReason } from '../client-fields';

/** Cases one reassignment may name or find; a larger caseload is moved in several requests. */
export const MAX_REASSIGNED_CASES = 1000;

/** The command as both doors validate it (over HTTP the counselor comes from the path). */
export class ReassignCaseloadDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'the counselor whose cases move: her account id (path parameter over HTTP); her account may be disabled already',
  })
  @IsRecordId()
  counselorId: string;

  @ApiProperty({ example: 'center-naju', description: 'her center, whose supervisor sends this' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({
    type: [String],
    description: 'counselor (or supervisor) accounts of the center taking the cases, balanced by their open caseloads',
    example: ['8b2d4f60-1c9e-4a37-b5d8-6e0f2a9c4b13'],
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'toCounselorIds must name at least one counselor' })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsCenterOrCounselorId({ each: true })
  toCounselorIds: string[];

  @ApiPropertyOptional({ type: [String], description: 'the cases to move; all her open cases when left out' })
  @Absent()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REASSIGNED_CASES)
  @ArrayUnique()
  @IsRecordId({ each: true })
  clientIds?: string[];

  @ApiPropertyOptional({ example: '담당 상담사 퇴직', description: 'recorded on each case’s assignment' })
  @Absent()
  @IsReason()
  reason?: string;
}

/** The HTTP body of POST /counselors/:counselorId/reassignment. */
export class ReassignCaseloadBody extends OmitType(ReassignCaseloadDto, ['counselorId'] as const) {}
