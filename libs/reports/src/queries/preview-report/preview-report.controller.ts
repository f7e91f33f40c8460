import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiFileAnswer } from '@saeil/core';
import { REPORT_FILE_ANSWER } from '../report.response';
import type { Response } from 'express';
import { REPORT_LEVELS } from '@saeil/contracts';
import type { MinistryReportFigures } from '@saeil/contracts';
import { reportScope } from '../../domain/report-scope';
import { exportFormat, exportReport } from '../../exports/report-export';
import { isFileExport, PreviewReportQueryDto } from '../report-query.dto';
import { AccessLogged } from '@saeil/access-log';
import { sendReportFile } from '../send-report-file';
import { PreviewReportQuery } from './preview-report.query';
import { CurrentAccess, REPORT_READERS, type RequestAccess, requireLevel, Roles } from '@saeil/identity';

@ApiTags('ministry-reports')
@Roles(...REPORT_READERS)
@Controller('ministry-reports')
export class PreviewReportController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':level/:period')
  @AccessLogged('export.ministry-report', { when: isFileExport, requireReason: true })
  @ApiParam({ name: 'level', enum: REPORT_LEVELS, example: 'center' })
  @ApiParam({ name: 'period', example: '2026-Q1', description: 'YYYY-MM (month) or YYYY-Qn (quarter)' })
  @ApiOperation({ summary: '성과 보고서 미리보기: de-identified, small cells suppressed, live figures (or as of a position); JSON, CSV or XLSX' })
  @ApiFileAnswer(REPORT_FILE_ANSWER)
  async preview(@Param('level') level: string, @Param('period') period: string, @Query() query: PreviewReportQueryDto, @Res({ passthrough: true }) res: Response, @CurrentAccess() access: RequestAccess): Promise<StreamableFile> {
    const scope = reportScope(level, query.id);
    requireLevel(access, scope.level, scope.scopeId);
    const format = exportFormat(query.format);
    const report = await this.queryBus.execute<PreviewReportQuery, MinistryReportFigures>(new PreviewReportQuery(scope, period, query.asOfPosition));
    return sendReportFile(res, await exportReport(report, format), report.asOfPosition);
  }
}
