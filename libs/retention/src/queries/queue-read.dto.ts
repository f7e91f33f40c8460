import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsDateOnly } from '@saeil/core';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/** What both work-queue queries take: the day to judge on, and read-your-writes. */
export class QueueReadDto {
  @ApiPropertyOptional({ example: '2026-03-02', description: 'The day the queue is judged on (YYYY-MM-DD); today in Korea when left out' })
  @IsOptional() @IsDateOnly()
  today?: string;

  @ApiPropertyOptional({ description: 'Read your writes: wait until the queue has applied this position (from a command response)' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  minPosition?: number;
}
