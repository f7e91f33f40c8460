import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The command as the Kafka command topic takes it; over HTTP the courseId comes from the URL. */
export class CompleteTrainingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courseId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ example: '2026-06-30', description: 'YYYY-MM-DD, not in the future; not before the course start or her enrollment' })
  @IsString() @Matches(DAY, { message: 'completedOn must be YYYY-MM-DD' }) @IsISO8601({ strict: true })
  completedOn: string;
}

/** The HTTP body: everything but the id in the URL. */
export class CompleteTrainingBody extends OmitType(CompleteTrainingDto, ['courseId'] as const) {}
