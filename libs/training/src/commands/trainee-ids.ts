import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/**
 * The ids every command about a trainee carries, as the Kafka command topic takes them; over
 * HTTP the courseId comes from the URL (each command's Body leaves it out).
 */
export class TraineeIds {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courseId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId: string;
}
