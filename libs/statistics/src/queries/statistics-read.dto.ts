import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsDateOnly, IsQueryInt } from '@saeil/core';

export const STATISTICS_LEVELS = ['center', 'region', 'nation'] as const;

/** Scope, period, as-of and read-your-writes: what every statistics query takes. */
export class StatisticsReadDto {
  @ApiProperty({ enum: STATISTICS_LEVELS, description: 'center (기초/광역 센터) → region (시·도) → nation (전국)' })
  @IsIn(STATISTICS_LEVELS)
  level: (typeof STATISTICS_LEVELS)[number];

  @ApiPropertyOptional({
    example: 'center-naju',
    description:
      "A center id (level=center) or a 시·도 by its official name, or '미지정' (level=region); none for the nation",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/\S/)
  id?: string;

  @ApiProperty({ example: '2026-01-01', description: 'First day of the period (inclusive)' })
  @IsDateOnly()
  from: string;

  @ApiProperty({ example: '2026-03-31', description: 'Last day of the period (inclusive)' })
  @IsDateOnly()
  to: string;

  @ApiPropertyOptional({
    description: 'Count only events at or below this global position (a frozen report regenerates the same figures)',
  })
  @IsOptional()
  @IsQueryInt(0)
  asOfPosition?: number;

  @ApiPropertyOptional({
    description: 'Read your writes: wait until the statistics have applied this position (from a command response)',
  })
  @IsOptional()
  @IsQueryInt(1)
  minPosition?: number;

  @ApiPropertyOptional({ description: 'How long to wait for minPosition, in ms (bounded by MAX_CONSISTENCY_WAIT_MS)' })
  @IsOptional()
  @IsQueryInt(0, 60_000)
  waitMs?: number;
}

/** Employment and activity break down by the rollup's levels. */
export const SNAPSHOT_DIMENSIONS = ['center', 'region'] as const;
export class StatisticsSnapshotReadDto extends StatisticsReadDto {
  @ApiPropertyOptional({
    enum: SNAPSHOT_DIMENSIONS,
    description: 'Also give the figures of each center or region of the scope (they add up to the scope)',
  })
  @IsOptional()
  @IsIn(SNAPSHOT_DIMENSIONS)
  by?: (typeof SNAPSHOT_DIMENSIONS)[number];
}
