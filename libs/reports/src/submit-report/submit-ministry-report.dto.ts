import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsQueryInt } from '@saeil/core';
import { REPORT_LEVELS, ReportLevel } from '@saeil/contracts';

/** 성과 보고서 제출. Over HTTP level and period come from the path and scopeId from `?id=`; on the Kafka command topic all are in the payload. */
export class SubmitMinistryReportDto {
  @ApiProperty({ enum: REPORT_LEVELS })
  @IsIn(REPORT_LEVELS)
  level: ReportLevel;

  @ApiProperty({ example: '2026-Q1', description: 'YYYY-MM (month) or YYYY-Qn (quarter)' })
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { message: 'period must be YYYY-MM or YYYY-Qn' })
  period: string;

  @ApiPropertyOptional({ description: 'center id (center) or region name (region); absent for the nation' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  scopeId?: string;

  @ApiPropertyOptional({
    description:
      'Freeze the figures as of this event-store position (e.g. the one a preview showed); default: where the statistics stand now',
  })
  @IsOptional()
  @IsQueryInt(0)
  asOfPosition?: number;
}

export class SubmitMinistryReportBody extends PickType(SubmitMinistryReportDto, ['asOfPosition'] as const) {}
