import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsQueryInt } from '@saeil/core';
import { EXPORT_FORMATS, ExportFormat } from '../exports/report-export';

/** `?id=&format=`: the scope (center id or region name; none for the nation) and the file format. */
export class ReportFileQueryDto {
  @ApiPropertyOptional({ description: 'center id (center) or region name (region); none for the nation' })
  @IsOptional() @IsString() @MaxLength(100)
  id?: string;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' })
  @IsOptional() @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiPropertyOptional({ description: '반출 사유: required for a csv/xlsx export, recorded in the 접속기록' })
  @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

/** A file leaving the system (csv/xlsx), as against the on-screen JSON: logged, with its reason. */
export const isFileExport = (req: { query: Record<string, unknown> }): boolean => req.query.format === 'csv' || req.query.format === 'xlsx';

export class PreviewReportQueryDto extends ReportFileQueryDto {
  @ApiPropertyOptional({ description: 'Figures as of this event-store position (e.g. a submitted version\'s asOfPosition); default: now' })
  @IsOptional() @IsQueryInt(0)
  asOfPosition?: number;
}
