import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOnly, IsQueryInt } from '@saeil/core';

export class KpiAchievementDto {
  @ApiPropertyOptional({ example: '2024-05-31', description: '기준일: actuals dated on or before it (default: today in Korea)' })
  @IsOptional() @IsDateOnly()
  asOfDate?: string;

  @ApiPropertyOptional({ default: 2, description: 'Decimals of the display figures (the unrounded ones are always given)' })
  @IsOptional() @IsQueryInt(0, 6)
  decimals?: number;

  @ApiPropertyOptional({ description: 'Read your writes: wait until the read model has applied this position (from a command response)' })
  @IsOptional() @IsQueryInt(1)
  minPosition?: number;
}
