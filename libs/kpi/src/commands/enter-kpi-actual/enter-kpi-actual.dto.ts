import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDateOnly, IsDecimal, IsRecordId } from '@saeil/core';

/** 실적 입력 for an indicator that does not map to a statistic: a year's figure, or a quarter's. */
export class EnterKpiActualDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  planId: string;

  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  indicatorId: string;

  @ApiProperty({ example: 2024 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ example: 2, description: '1–4 for a quarter; leave out for the whole year' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @ApiProperty({ example: 61 })
  @IsDecimal(4)
  @Min(0)
  value: number;

  @ApiProperty({ example: '2024-05-31', description: '기준일: the date the figure stands at (not in the future)' })
  @IsDateOnly()
  enteredOn: string;

  @ApiPropertyOptional({ example: '2024. 1. ~ 5. 수혜자' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class EnterKpiActualBody extends OmitType(EnterKpiActualDto, ['planId'] as const) {}
