import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsString, IsUUID, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The command as the Kafka command topic takes it; over HTTP the courseId comes from the URL. */
export class RecordTrainingAttendanceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courseId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;

  @ApiProperty({ example: '2026-03-03', description: 'YYYY-MM-DD, not in the future; a course day while she was enrolled' })
  @IsString() @Matches(DAY, { message: 'date must be YYYY-MM-DD' }) @IsISO8601({ strict: true })
  date: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  present: boolean;
}

/** The HTTP body: everything but the id in the URL. */
export class RecordTrainingAttendanceBody extends OmitType(RecordTrainingAttendanceDto, ['courseId'] as const) {}
