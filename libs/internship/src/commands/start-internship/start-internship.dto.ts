import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsDateOnly, IsRecordId } from '@saeil/core';

export class StartInternshipDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiProperty({ example: 'employer-3f2a', description: 'id of the employer (구인업체)' })
  @IsString()
  @Matches(/^[\w-]{1,64}$/, { message: 'employerId must be 1–64 letters, digits, "_" or "-"' })
  employerId: string;

  @ApiProperty({ example: '진주요양병원' })
  @IsString()
  @Matches(/\S/, { message: 'employerName must not be blank' })
  @MaxLength(200)
  employerName: string;

  @ApiPropertyOptional({ example: '간호조무사' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  jobTitle?: string;

  @ApiProperty({ example: '2026-03-02', description: 'YYYY-MM-DD, not in the future' })
  @IsDateOnly()
  startOn: string;

  @ApiProperty({ example: '2026-06-01', description: 'YYYY-MM-DD, on or after startOn' })
  @IsDateOnly()
  plannedEndOn: string;

  @ApiPropertyOptional({
    example: 2026,
    description: '사업연도 whose subsidy schedule applies; defaults to the year of startOn',
  })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  programYear?: number;

  @ApiProperty({
    example: '경상남도',
    description: "시·도 whose subsidy schedule applies (the year's default when it has none of its own)",
  })
  @IsString()
  @Matches(/\S/, { message: 'region must not be blank' })
  @MaxLength(50)
  region: string;
}
