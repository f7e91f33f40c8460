import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsDateOnly } from '@saeil/core';
import { RETENTION_DIMENSIONS, RetentionDimension } from '../../statistics-source';
import { StatisticsReadDto } from '../statistics-read.dto';

export class RetentionStatisticsDto extends StatisticsReadDto {
  @ApiPropertyOptional({ description: 'Milestones due and follow-ups contacted on or before this day count (default: to)' })
  @IsOptional() @IsDateOnly()
  asOfDate?: string;

  @ApiPropertyOptional({ enum: RETENTION_DIMENSIONS, description: "Also break the retention down by this dimension (program: the follow-up's retention program, 'none' without one)" })
  @IsOptional() @IsIn(RETENTION_DIMENSIONS)
  by?: RetentionDimension;
}
