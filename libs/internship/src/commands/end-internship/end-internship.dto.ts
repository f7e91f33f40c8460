import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsISO8601, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { INTERNSHIP_END_REASONS, InternshipEndReason } from '@saeil/contracts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The command as the Kafka command topic takes it; over HTTP the internshipId comes from the URL. */
export class EndInternshipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  internshipId: string;

  @ApiProperty({ example: '2026-06-01', description: 'YYYY-MM-DD, not in the future; her last day as an intern' })
  @IsString() @Matches(DAY, { message: 'endedOn must be YYYY-MM-DD' }) @IsISO8601({ strict: true })
  endedOn: string;

  @ApiProperty({ enum: INTERNSHIP_END_REASONS, example: 'completed' })
  @IsIn(INTERNSHIP_END_REASONS)
  reason: InternshipEndReason;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @IsString() @MaxLength(500)
  note?: string;
}

/** The HTTP body: everything but the id in the URL. */
export class EndInternshipBody extends OmitType(EndInternshipDto, ['internshipId'] as const) {}
