import { ApiProperty } from '@nestjs/swagger';
import { IsCenterOrCounselorId } from '@saeil/core';
import { QueueReadDto } from '../queue-read.dto';

export class FollowUpQueueDto extends QueueReadDto {
  @ApiProperty({ example: '3f0e6c1a-5b7d-4e21-9c3a-0d4b8e7f1a26', description: "her counselor's account id" })
  @IsCenterOrCounselorId()
  counselorId: string;
}
