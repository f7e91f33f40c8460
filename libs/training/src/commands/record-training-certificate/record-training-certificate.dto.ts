import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The command as the Kafka command topic takes it; over HTTP the courseId comes from the URL. */
export class RecordTrainingCertificateDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courseId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ example: '간호조무사', description: '자격증 명칭' })
  @IsString() @Matches(/\S/, { message: 'certificate must not be blank' }) @MaxLength(100)
  certificate: string;

  @ApiProperty({ example: '2026-07-15', description: 'YYYY-MM-DD, not in the future; not before the course start' })
  @IsString() @Matches(DAY, { message: 'obtainedOn must be YYYY-MM-DD' }) @IsISO8601({ strict: true })
  obtainedOn: string;
}

/** The HTTP body: everything but the id in the URL. */
export class RecordTrainingCertificateBody extends OmitType(RecordTrainingCertificateDto, ['courseId'] as const) {}
