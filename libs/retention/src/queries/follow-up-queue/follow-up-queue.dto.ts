import { ApiProperty } from '@nestjs/swagger';
import { IsCenterOrCounselorId } from '@saeil/core';
import { QueueReadDto } from '../queue-read.dto';

export class FollowUpQueueDto extends QueueReadDto {
  @ApiProperty({ example: 'counselor-kim' })
  @IsCenterOrCounselorId()
  counselorId: string;
}
