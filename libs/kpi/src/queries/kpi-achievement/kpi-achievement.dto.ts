import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDateOnly, IsQueryInt } from '@saeil/core';

export class KpiAchievementDto {
  @ApiPropertyOptional({
    example: '2024-05-31',
    description: '기준일: actuals dated on or before it (default: today in Korea)',
  })
  @IsOptional()
  @IsDateOnly()
  asOfDate?: string;

  @ApiPropertyOptional({
    description:
      'Decimals of the display texts: exactly that many digits, zeros kept (1 → "61.0"); default: the plan\'s own decimals, else up to 2 with trailing zeros dropped (37.5, 42.86). The unrounded figures are always given',
  })
  @IsOptional()
  @IsQueryInt(0, 6)
  decimals?: number;

  @ApiPropertyOptional({
    description: 'Read your writes: wait until the read model has applied this position (from a command response)',
  })
  @IsOptional()
  @IsQueryInt(1)
  minPosition?: number;
}
