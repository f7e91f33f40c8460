import { ApiProperty } from '@nestjs/swagger';
import { IsCenterOrCounselorId } from '@saeil/core';
import { QueueReadDto } from '../queue-read.dto';

export class FollowUpQueueByCounselorDto extends QueueReadDto {
  @ApiProperty({ example: 'center-naju' })
  @IsCenterOrCounselorId()
  centerId: string;
}
