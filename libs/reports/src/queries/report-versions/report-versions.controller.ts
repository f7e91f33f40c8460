import { Controller, Get, Optional, Param, ParseIntPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { REPORT_FILE_ANSWER, ReportVersionResponse } from '../report.response';
import type { Response } from 'express';
import { REPORT_LEVELS } from '@saeil/contracts';
import { ApiAnswer, ApiFileAnswer, NotFound, ValidationFailed } from '@saeil/core';
import { reportScope } from '../../domain/report-scope';
import { exportFormat, exportReport } from '../../exports/report-export';
import { isFileExport, ReportFileQueryDto } from '../report-query.dto';
import { AccessLogged } from '@saeil/access-log';
import { sendReportFile } from '../send-report-file';
import { ReportVersionsQuery } from './report-versions.query';
import { CentersDirectory } from '../../ports';
import { reportNames } from '../report-names';
import { SubmittedVersion } from './report-versions.handler';
import { CurrentAccess, REPORT_READERS, type RequestAccess, requireLevel, Roles } from '@saeil/identity';

/** A version in a list: its facts, without the figures (fetch one version for those). */
export type VersionSummary = Omit<SubmittedVersion, 'figures'>;

// eslint-disable-next-line no-useless-assignment -- used by a parameter decorator below, which the rule does not see
const badVersion = () =>
  new ValidationFailed([{ field: 'version', code: 'isInt', message: 'version must be a positive integer' }]);

@ApiTags('ministry-reports')
@Roles(...REPORT_READERS)
@Controller('ministry-reports/:level/:period/versions')
export class ReportVersionsController {
  constructor(
    private readonly queryBus: QueryBus,
    @Optional() private readonly centers?: CentersDirectory,
  ) {}

  @Get()
  @ApiParam({ name: 'level', enum: REPORT_LEVELS, example: 'center' })
  @ApiParam({ name: 'period', example: '2026-Q1', description: 'YYYY-MM (month) or YYYY-Qn (quarter)' })
  @ApiOperation({ summary: '제출 이력: every submitted version (version, as-of position, content hash, submitted on)' })
  @ApiQuery({ name: 'id', required: false })
  @ApiAnswer(ReportVersionResponse, { isArray: true })
  async list(
    @Param('level') level: string,
    @Param('period') period: string,
    @CurrentAccess() access: RequestAccess,
    @Query('id') id?: string,
  ): Promise<ReportVersionResponse[]> {
    const scope = reportScope(level, id);
    requireLevel(access, scope.level, scope.scopeId);
    const versions = await this.queryBus.execute<ReportVersionsQuery, SubmittedVersion[]>(
      new ReportVersionsQuery(scope, period),
    );
    return versions.map(({ figures: _figures, ...summary }) => summary);
  }

  @Get(':version')
  @AccessLogged('export.ministry-report', { when: isFileExport, requireReason: true })
  @ApiParam({ name: 'level', enum: REPORT_LEVELS, example: 'center' })
  @ApiParam({ name: 'period', example: '2026-Q1', description: 'YYYY-MM (month) or YYYY-Qn (quarter)' })
  @ApiOperation({ summary: '제출본: the frozen figures of one version as JSON (the hashed bytes), CSV or XLSX' })
  @ApiFileAnswer(REPORT_FILE_ANSWER)
  async one(
    @Param('level') level: string,
    @Param('period') period: string,
    @Param('version', new ParseIntPipe({ exceptionFactory: badVersion })) version: number,
    @Query() query: ReportFileQueryDto,
    @Res({ passthrough: true }) res: Response,
    @CurrentAccess() access: RequestAccess,
  ): Promise<StreamableFile> {
    const scope = reportScope(level, query.id);
    requireLevel(access, scope.level, scope.scopeId);
    const format = exportFormat(query.format);
    const versions = await this.queryBus.execute<ReportVersionsQuery, SubmittedVersion[]>(
      new ReportVersionsQuery(scope, period),
    );
    const frozen = versions.find((v) => v.version === version);
    if (!frozen) throw new NotFound('보고서 판', `${versions[0].reportId} v${version}`);
    const file = await exportReport(
      frozen.figures,
      format,
      { version: frozen.version, submittedOn: frozen.submittedOn, contentHash: frozen.contentHash },
      { names: reportNames(this.centers) },
    );
    return sendReportFile(res, file, frozen.asOfPosition);
  }
}
