import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDateOnly, IsRecordId } from '@saeil/core';
import { INTERNSHIP_END_REASONS, InternshipEndReason } from '@saeil/contracts';

/** The command as the Kafka command topic takes it; over HTTP the internshipId comes from the URL. */
export class EndInternshipDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  internshipId: string;

  @ApiProperty({ example: '2026-06-01', description: 'YYYY-MM-DD, not in the future; her last day as an intern' })
  @IsDateOnly()
  endedOn: string;

  @ApiProperty({ enum: INTERNSHIP_END_REASONS, example: 'completed' })
  @IsIn(INTERNSHIP_END_REASONS)
  reason: InternshipEndReason;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** The HTTP body: everything but the id in the URL. */
export class EndInternshipBody extends OmitType(EndInternshipDto, ['internshipId'] as const) {}
