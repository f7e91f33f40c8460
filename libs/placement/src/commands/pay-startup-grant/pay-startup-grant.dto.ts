import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsDateOnly, IsRecordId } from '@saeil/core';

/** 창업 마케팅비 지급. On the Kafka command topic the client's and the startup's ids are part of the payload. */
export class PayStartupGrantDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  startupId: string;

  @ApiProperty({ example: 300000, description: 'KRW' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amount: number;

  @ApiProperty({ example: '2026-03-10', description: '지급일 (YYYY-MM-DD, not in the future)' })
  @IsDateOnly()
  paidOn: string;

  @ApiPropertyOptional({
    example: 2026,
    description: "Budget year; defaults to the payment's year (or the year before, for a late payment)",
  })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  grantYear?: number;
}

export class PayStartupGrantBody extends OmitType(PayStartupGrantDto, ['clientId', 'startupId'] as const) {}
