import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsQueryInt } from '@saeil/core';
import { EXPORT_FORMATS, ExportFormat } from '../exports/report-export';

/** `?id=&format=`: the scope (center id or region name; none for the nation) and the file format. */
export class ReportFileQueryDto {
  @ApiPropertyOptional({ description: 'center id (center) or region name (region); none for the nation' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  id?: string;

  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiPropertyOptional({ description: '반출 사유: required for a csv/xlsx export, recorded in the 접속기록' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** A file leaving the system (csv/xlsx), as against the on-screen JSON: logged, with its reason. */
export const isFileExport = (req: { query: Record<string, unknown> }): boolean =>
  req.query.format === 'csv' || req.query.format === 'xlsx';

/** Whose view of a report: what the Ministry will see, or a center's own (exact figures beside it). */
export const REPORT_VIEWS = ['ministry', 'center'] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];

export class PreviewReportQueryDto extends ReportFileQueryDto {
  @ApiPropertyOptional({
    enum: REPORT_VIEWS,
    description:
      "center (the default for a center's own staff, and theirs alone): the report as the Ministry will see it plus `exact`, her figures unsuppressed (a fifth column in CSV/XLSX); ministry (the default, and the only view, above the center): the report alone, the bytes a submission freezes",
  })
  @IsOptional()
  @IsIn(REPORT_VIEWS)
  view?: ReportView;

  @ApiPropertyOptional({
    description: "Figures as of this event-store position (e.g. a submitted version's asOfPosition); default: now",
  })
  @IsOptional()
  @IsQueryInt(0)
  asOfPosition?: number;
}
