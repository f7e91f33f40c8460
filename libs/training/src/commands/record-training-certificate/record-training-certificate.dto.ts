import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { IsDateOnly } from '@saeil/core';
import { TraineeIds } from '../trainee-ids';

/** The command as the Kafka command topic takes it; over HTTP the courseId comes from the URL. */
export class RecordTrainingCertificateDto extends TraineeIds {
  @ApiProperty({ example: '간호조무사', description: '자격증 명칭' })
  @IsString()
  @Matches(/\S/, { message: 'certificate must not be blank' })
  @MaxLength(100)
  certificate: string;

  @ApiProperty({ example: '2026-07-15', description: 'YYYY-MM-DD, not in the future; not before the course start' })
  @IsDateOnly()
  obtainedOn: string;
}

/** The HTTP body: everything but the id in the URL. */
export class RecordTrainingCertificateBody extends OmitType(RecordTrainingCertificateDto, ['courseId'] as const) {}
