import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { COUNSELING_CHANNELS, MAX_SESSION_MINUTES } from '@saeil/contracts';
import type { CounselingChannel } from '@saeil/contracts';
import { IsCenterOrCounselorId, IsRecordId } from '@saeil/core';
import { IsDay } from '../../support/fields';

export class RecordCounselingSessionDto {
  @ApiProperty({ description: 'the client (path parameter over HTTP)', format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiProperty({
    enum: COUNSELING_CHANNELS,
    description:
      '내방 in_center, 전화 phone, 온라인 online, 찾아가는 이동상담 mobile_outreach, 기관 협약상담 partner_institution',
  })
  @IsIn(COUNSELING_CHANNELS, { message: `channel must be one of ${COUNSELING_CHANNELS.join(', ')}` })
  channel: CounselingChannel;

  @ApiPropertyOptional({
    example: '빛가람 호반베르디움 아파트',
    description:
      'required for mobile_outreach (the place) and partner_institution (the institution); not for other channels',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  place?: string;

  @ApiProperty({ example: '이력서 작성', description: '상담 주제' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  topic: string;

  @ApiProperty({ example: 50, minimum: 1, maximum: MAX_SESSION_MINUTES })
  @IsInt()
  @Min(1)
  @Max(MAX_SESSION_MINUTES)
  durationMinutes: number;

  @ApiPropertyOptional({ example: '사무직 희망, 컴활 2급 준비 중', description: '상담 내용' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({
    example: '3f0e6c1a-5b7d-4e21-9c3a-0d4b8e7f1a26',
    description:
      'who held the session (an account id of a counselor or supervisor of her center); defaults to her assigned counselor',
  })
  @IsOptional()
  @IsString()
  @IsCenterOrCounselorId()
  counselorId?: string;

  @IsDay('day of the session (may be in the past; not in the future)', '2026-11-20')
  occurredOn: string;
}

/** The HTTP body: the DTO without the id the path gives. */
export class RecordCounselingSessionBody extends OmitType(RecordCounselingSessionDto, ['clientId'] as const) {}
