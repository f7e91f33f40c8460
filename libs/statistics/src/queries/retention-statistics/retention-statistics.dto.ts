import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsDateOnly } from '@saeil/core';
import { RETENTION_COHORTS, RETENTION_DIMENSIONS, RetentionCohort, RetentionDimension } from '../../statistics-source';
import { StatisticsReadDto } from '../statistics-read.dto';

export class RetentionStatisticsDto extends StatisticsReadDto {
  @ApiPropertyOptional({
    description: 'Milestones due and follow-ups contacted on or before this day count (default: to)',
  })
  @IsOptional()
  @IsDateOnly()
  asOfDate?: string;

  @ApiPropertyOptional({
    enum: RETENTION_COHORTS,
    description:
      'placement_start (default): placements started in the period; milestone_date: the 1/2/3-month milestones dated in the period, whenever the placement started (the Ministry report)',
  })
  @IsOptional()
  @IsIn(RETENTION_COHORTS)
  cohort?: RetentionCohort;

  @ApiPropertyOptional({
    enum: RETENTION_DIMENSIONS,
    description:
      "Also break the retention down by this dimension (program: the follow-up's retention program, 'none' without one)",
  })
  @IsOptional()
  @IsIn(RETENTION_DIMENSIONS)
  by?: RetentionDimension;
}
