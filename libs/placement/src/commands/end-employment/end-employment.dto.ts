import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EMPLOYMENT_END_REASONS, EmploymentEndReason } from '@saeil/contracts';
import { IsDateOnly, IsRecordId } from '@saeil/core';

/** 퇴사 기록. On the Kafka command topic the client's and the placement's ids are part of the payload. */
export class EndEmploymentDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  placementId: string;

  @ApiProperty({ example: '2026-06-30', description: '퇴사일 (YYYY-MM-DD, not before the start, not in the future)' })
  @IsDateOnly()
  endedOn: string;

  @ApiProperty({ enum: EMPLOYMENT_END_REASONS })
  @IsIn(EMPLOYMENT_END_REASONS)
  reason: EmploymentEndReason;

  @ApiPropertyOptional({ example: '육아 부담으로 자진 퇴사' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class EndEmploymentBody extends OmitType(EndEmploymentDto, ['clientId', 'placementId'] as const) {}
