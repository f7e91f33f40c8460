import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsQueryInt, MAX_PAGE } from '@saeil/core';

/** `?month=YYYY-MM`: a calendar month in Korean time. */
export class AccessLogMonthDto {
  @ApiProperty({ example: '2026-11' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month!: string;
}

export class AccessLogReviewDto extends AccessLogMonthDto {
  @ApiPropertyOptional({ description: "Only reads by this center's accounts", example: 'center-naju' })
  @IsOptional()
  @Matches(/^[\w-]{1,64}$/)
  centerId?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsQueryInt(1, MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @IsQueryInt(1, 1000)
  pageSize?: number;
}
