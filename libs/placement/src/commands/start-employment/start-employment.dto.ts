import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  OCCUPATION_GROUP_CODES,
  OccupationGroup,
  PLACEMENT_CHANNELS,
  PLACEMENT_EMPLOYMENT_TYPES,
  PlacementChannel,
  PlacementEmploymentType,
} from '@saeil/contracts';
import { MAX_MONTHLY_WAGE, MAX_WEEKLY_HOURS, MIN_WEEKLY_HOURS } from '../../domain/placements.decider';
import { IsDateOnly, IsDecimal, IsRecordId } from '@saeil/core';

/** 취업 기록. On the Kafka command topic the client's id is part of the payload. */
export class StartEmploymentDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The employer, when registered with the center' })
  @IsOptional()
  @IsRecordId()
  employerId?: string;

  @ApiProperty({ example: '(주)진주주얼리' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  employerName: string;

  @ApiProperty({ example: '온라인 쇼핑몰 운영' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  jobTitle: string;

  @ApiProperty({
    example: '0231',
    description: 'KECO occupation code, or the occupation name (then occupationGroup is required)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  occupation: string;

  @ApiPropertyOptional({ enum: OCCUPATION_GROUP_CODES, description: 'KECO 대분류 (0–9); derived from a KECO code' })
  @IsOptional()
  @IsIn(OCCUPATION_GROUP_CODES)
  occupationGroup?: OccupationGroup;

  @ApiProperty({ enum: PLACEMENT_EMPLOYMENT_TYPES })
  @IsIn(PLACEMENT_EMPLOYMENT_TYPES)
  employmentType: PlacementEmploymentType;

  @ApiProperty({ example: 40, minimum: MIN_WEEKLY_HOURS, maximum: MAX_WEEKLY_HOURS })
  @IsDecimal(1)
  @Min(MIN_WEEKLY_HOURS)
  @Max(MAX_WEEKLY_HOURS)
  weeklyHours: number;

  @ApiProperty({ example: 2300000, description: 'KRW per month' })
  @IsInt()
  @Min(0)
  @Max(MAX_MONTHLY_WAGE)
  monthlyWage: number;

  @ApiProperty({ example: '2026-03-02', description: '취업일 (YYYY-MM-DD, not in the future)' })
  @IsDateOnly()
  startOn: string;

  @ApiProperty({
    enum: PLACEMENT_CHANNELS,
    description: 'center: referred by the center (needs the employer-sharing consent); self: found on her own',
  })
  @IsIn(PLACEMENT_CHANNELS)
  channel: PlacementChannel;

  @ApiProperty({ description: '고용보험 가입' })
  @IsBoolean()
  employmentInsurance: boolean;
}

export class StartEmploymentBody extends OmitType(StartEmploymentDto, ['clientId'] as const) {}
