import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCenterOrCounselorId, IsDateOnly } from '@saeil/core';

export class RecordJobFairDto {
  @ApiProperty({ example: 'center-jinju' })
  @IsString()
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({ example: '2026 진주시 여성 취업박람회' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: '2026-04-23', description: 'YYYY-MM-DD, not in the future' })
  @IsDateOnly()
  heldOn: string;

  @ApiProperty({ example: 32, description: '참여 기업 수' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  companies: number;

  @ApiProperty({ example: 410, description: '구직자(지원자) 수' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  applicants: number;

  @ApiProperty({ example: 57, description: '채용 인원 (at most the applicants)' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  hires: number;
}
