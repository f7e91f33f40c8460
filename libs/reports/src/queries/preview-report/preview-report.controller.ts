import { Controller, Get, Optional, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiFileAnswer, OutOfScope } from '@saeil/core';
import { REPORT_PREVIEW_ANSWER } from '../report.response';
import type { Response } from 'express';
import { REPORT_LEVELS } from '@saeil/contracts';
import { reportScope } from '../../domain/report-scope';
import { exportFormat, exportReport } from '../../exports/report-export';
import { isFileExport, PreviewReportQueryDto } from '../report-query.dto';
import { AccessLogged } from '@saeil/access-log';
import { sendReportFile } from '../send-report-file';
import { PreviewReportQuery } from './preview-report.query';
import type { PreviewAnswer } from './preview-report.handler';
import { CentersDirectory } from '../../ports';
import { reportNames } from '../report-names';
import { CurrentAccess, REPORT_READERS, type RequestAccess, requireLevel, Roles } from '@saeil/identity';

@ApiTags('ministry-reports')
@Roles(...REPORT_READERS)
@Controller('ministry-reports')
export class PreviewReportController {
  constructor(
    private readonly queryBus: QueryBus,
    @Optional() private readonly centers?: CentersDirectory,
  ) {}

  @Get(':level/:period')
  @AccessLogged('export.ministry-report', { when: isFileExport, requireReason: true })
  @ApiParam({ name: 'level', enum: REPORT_LEVELS, example: 'center' })
  @ApiParam({ name: 'period', example: '2026-Q1', description: 'YYYY-MM (month) or YYYY-Qn (quarter)' })
  @ApiOperation({
    summary:
      "성과 보고서 미리보기: de-identified, small cells suppressed, live figures (or as of a position); JSON, CSV or XLSX. A center's own staff also see her exact figures beside them (view=center, their default)",
  })
  @ApiFileAnswer(REPORT_PREVIEW_ANSWER)
  async preview(
    @Param('level') level: string,
    @Param('period') period: string,
    @Query() query: PreviewReportQueryDto,
    @Res({ passthrough: true }) res: Response,
    @CurrentAccess() access: RequestAccess,
  ): Promise<StreamableFile> {
    const scope = reportScope(level, query.id);
    requireLevel(access, scope.level, scope.scopeId);
    const format = exportFormat(query.format);
    // Exact figures are her own center's: above the center only what the Ministry sees (as the statistics reads answer).
    const ownCenter = access.scope.kind === 'center';
    const view = query.view ?? (ownCenter ? 'center' : 'ministry');
    if (view === 'center' && !ownCenter)
      throw new OutOfScope(
        'view',
        '센터 실제 값은 그 센터의 직원만 볼 수 있습니다. 센터 밖에서는 성평등가족부에 제출되는 값(비공개 처리)만 보입니다.',
      );
    const { report, exact } = await this.queryBus.execute<PreviewReportQuery, PreviewAnswer>(
      new PreviewReportQuery(scope, period, query.asOfPosition, view === 'center'),
    );
    return sendReportFile(
      res,
      await exportReport(report, format, undefined, { names: reportNames(this.centers), exact }),
      report.asOfPosition,
    );
  }
}
