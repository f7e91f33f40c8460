import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOnly, IsQueryInt } from '@saeil/core';

/** What both work-queue queries take: the day to judge on, and read-your-writes. */
export class QueueReadDto {
  @ApiPropertyOptional({
    example: '2026-03-02',
    description: 'The day the queue is judged on (YYYY-MM-DD); today in Korea when left out',
  })
  @IsOptional()
  @IsDateOnly()
  today?: string;

  @ApiPropertyOptional({
    description: 'Read your writes: wait until the queue has applied this position (from a command response)',
  })
  @IsOptional()
  @IsQueryInt(1)
  minPosition?: number;
}
