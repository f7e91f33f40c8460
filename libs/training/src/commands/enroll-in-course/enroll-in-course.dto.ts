import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsDateOnly } from '@saeil/core';
import { TraineeIds } from '../trainee-ids';

/** The command as the Kafka command topic takes it; over HTTP the courseId comes from the URL. */
export class EnrollInCourseDto extends TraineeIds {
  @ApiProperty({ example: '2026-02-20', description: 'YYYY-MM-DD, not in the future; not after the course ended' })
  @IsDateOnly()
  enrolledOn: string;
}

/** The HTTP body: everything but the id in the URL. */
export class EnrollInCourseBody extends OmitType(EnrollInCourseDto, ['courseId'] as const) {}
