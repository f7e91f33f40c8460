import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsDateOnly } from '@saeil/core';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

export class KpiAchievementDto {
  @ApiPropertyOptional({ example: '2024-05-31', description: '기준일: actuals dated on or before it (default: today in Korea)' })
  @IsOptional() @IsDateOnly()
  asOfDate?: string;

  @ApiPropertyOptional({ default: 2, description: 'Decimals of the display figures (the unrounded ones are always given)' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(6)
  decimals?: number;

  @ApiPropertyOptional({ description: 'Read your writes: wait until the read model has applied this position (from a command response)' })
  @IsOptional() @Transform(toInt) @IsInt() @Min(1)
  minPosition?: number;
}
