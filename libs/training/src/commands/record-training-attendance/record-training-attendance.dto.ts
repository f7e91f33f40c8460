import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsDateOnly } from '@saeil/core';
import { TraineeIds } from '../trainee-ids';

/** The command as the Kafka command topic takes it; over HTTP the courseId comes from the URL. */
export class RecordTrainingAttendanceDto extends TraineeIds {
  @ApiProperty({
    example: '2026-03-03',
    description: 'YYYY-MM-DD, not in the future; a course day while she was enrolled',
  })
  @IsDateOnly()
  date: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  present: boolean;
}

/** The HTTP body: everything but the id in the URL. */
export class RecordTrainingAttendanceBody extends OmitType(RecordTrainingAttendanceDto, ['courseId'] as const) {}
