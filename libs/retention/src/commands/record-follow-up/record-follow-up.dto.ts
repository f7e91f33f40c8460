import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_MILESTONES,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_SUPPORTS,
  FollowUpChannel,
  FollowUpOutcome,
  FollowUpSupport,
} from '@saeil/contracts';
import { IsDateOnly, IsRecordId } from '@saeil/core';

/** 사후관리 기록. On the Kafka command topic the client's and the placement's ids are part of the payload. */
export class RecordFollowUpDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  placementId: string;

  @ApiProperty({ enum: FOLLOW_UP_MILESTONES, description: 'milestone: 1, 2 or 3 months after the start' })
  @IsInt()
  @IsIn(FOLLOW_UP_MILESTONES)
  n: number;

  @ApiProperty({
    example: '2026-04-02',
    description:
      '연락일: the day she was contacted (from the window opening; a late record keeps the real day; not in the future)',
  })
  @IsDateOnly()
  contactedOn: string;

  @ApiProperty({ enum: FOLLOW_UP_CHANNELS })
  @IsIn(FOLLOW_UP_CHANNELS)
  channel: FollowUpChannel;

  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES })
  @IsIn(FOLLOW_UP_OUTCOMES)
  outcome: FollowUpOutcome;

  @ApiPropertyOptional({ type: [String], example: ['야간 근무 부담'], description: '애로사항' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  difficulties?: string[];

  @ApiProperty({ enum: FOLLOW_UP_SUPPORTS, isArray: true, description: 'support given (may be empty)' })
  @IsArray()
  @ArrayMaxSize(FOLLOW_UP_SUPPORTS.length)
  @IsIn(FOLLOW_UP_SUPPORTS, { each: true })
  support: FollowUpSupport[];

  @ApiPropertyOptional({
    example: 'go-100-2026',
    description: 'the retention program (사후관리 프로그램) this follow-up counts toward',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  programId?: string;
}

export class RecordFollowUpBody extends OmitType(RecordFollowUpDto, ['clientId', 'placementId'] as const) {}
