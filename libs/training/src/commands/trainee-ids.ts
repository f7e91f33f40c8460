import { ApiProperty } from '@nestjs/swagger';
import { IsRecordId } from '@saeil/core';

/**
 * The ids every command about a trainee carries, as the Kafka command topic takes them; over
 * HTTP the courseId comes from the URL (each command's Body leaves it out).
 */
export class TraineeIds {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  courseId: string;

  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  clientId: string;
}
