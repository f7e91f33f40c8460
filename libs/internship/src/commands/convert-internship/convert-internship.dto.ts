import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { IsDateOnly, IsRecordId } from '@saeil/core';
import { CONVERSION_EMPLOYMENT_TYPES, ConversionEmploymentType } from '@saeil/contracts';

/** The command as the Kafka command topic takes it; over HTTP the internshipId comes from the URL. */
export class ConvertInternshipDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  internshipId: string;

  @ApiProperty({ example: '2026-06-02', description: 'YYYY-MM-DD, not in the future; her first day in the post' })
  @IsDateOnly()
  convertedOn: string;

  @ApiProperty({ example: '간호조무사' })
  @IsString()
  @Matches(/\S/, { message: 'jobTitle must not be blank' })
  @MaxLength(100)
  jobTitle: string;

  @ApiProperty({ enum: CONVERSION_EMPLOYMENT_TYPES, example: 'regular' })
  @IsIn(CONVERSION_EMPLOYMENT_TYPES)
  employmentType: ConversionEmploymentType;
}

/** The HTTP body: everything but the id in the URL. */
export class ConvertInternshipBody extends OmitType(ConvertInternshipDto, ['internshipId'] as const) {}
