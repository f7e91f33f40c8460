import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsDateOnly, IsRecordId } from '@saeil/core';

/** 창업 기록. On the Kafka command topic the client's id is part of the payload. */
export class StartStartupDto {
  @ApiProperty({ format: 'uuid' })
  @IsRecordId()
  clientId: string;

  @ApiProperty({ example: '주얼리 1인 쇼핑몰' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  businessName: string;

  @ApiProperty({ example: '전자상거래' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  industry: string;

  @ApiProperty({ example: '2026-02-01', description: '개업일 (YYYY-MM-DD, not in the future)' })
  @IsDateOnly()
  startedOn: string;

  @ApiPropertyOptional({ example: 'team-2026-03', description: '창업팀: co-founders share one marketing-grant cap' })
  @IsOptional()
  @IsString()
  @Matches(/^[\w-]{1,64}$/, { message: 'teamId must be 1–64 letters, digits, "_" or "-"' })
  teamId?: string;
}

export class StartStartupBody extends OmitType(StartStartupDto, ['clientId'] as const) {}
