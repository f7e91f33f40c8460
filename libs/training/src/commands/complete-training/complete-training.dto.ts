import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsDateOnly } from '@saeil/core';
import { TraineeIds } from '../trainee-ids';

/** The command as the Kafka command topic takes it; over HTTP the courseId comes from the URL. */
export class CompleteTrainingDto extends TraineeIds {
  @ApiProperty({
    example: '2026-06-30',
    description: 'YYYY-MM-DD, not in the future; not before the course start or her enrollment',
  })
  @IsDateOnly()
  completedOn: string;
}

/** The HTTP body: everything but the id in the URL. */
export class CompleteTrainingBody extends OmitType(CompleteTrainingDto, ['courseId'] as const) {}
