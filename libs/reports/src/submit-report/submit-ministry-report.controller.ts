import { Body, Controller, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { REPORT_LEVELS } from '@saeil/contracts';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { reportScope } from '../domain/report-scope';
import { SubmitMinistryReportBody, SubmitMinistryReportDto } from './submit-ministry-report.dto';
import { submitMinistryReport } from './submit-ministry-report.command';
import { SubmitMinistryReportResult } from './submit-ministry-report.handler';
import { AccessDenied, CommandRoute, CurrentAccess, type RequestAccess, requireLevel } from '@saeil/identity';

@ApiTags('ministry-reports')
@CommandRoute(submitMinistryReport)
@Controller('ministry-reports/:level/:period/submissions')
export class SubmitMinistryReportController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @ApiAnswer(SubmitMinistryReportResult, { status: 201, duplicate: 200 })
  @ApiParam({ name: 'level', enum: REPORT_LEVELS, example: 'center' })
  @ApiParam({ name: 'period', example: '2026-Q1', description: 'YYYY-MM (month) or YYYY-Qn (quarter)' })
  @ApiOperation({
    summary:
      '성과 보고서 제출: freeze the figures, the as-of position and their hash as a new version (1, or n + 1 for a correction)',
  })
  @ApiQuery({
    name: 'id',
    required: false,
    description: 'center id (center) or region name (region); none for the nation',
  })
  @ApiBody({ type: SubmitMinistryReportBody, required: false })
  submit(
    @Param('level') level: string,
    @Param('period') period: string,
    @Query('id') id: string | undefined,
    @Body() body: unknown,
    @Req() req: Request,
    @CurrentAccess() access: RequestAccess,
  ): Promise<SubmitMinistryReportResult> {
    const scope = reportScope(level, typeof id === 'string' ? id : undefined);
    requireLevel(access, scope.level, scope.scopeId);
    // A report is submitted by whoever answers for its level: the center's supervisor, the
    // region's supervisor, the Ministry for the nation. Reading it is wider (REPORT_READERS).
    if (!access.answersFor(scope.level, scope.scopeId))
      throw new AccessDenied('이 수준의 보고서는 제출할 수 없습니다.');
    const dto = dtoWithPathIds(SubmitMinistryReportDto, body ?? {}, {
      level,
      period,
      ...(scope.scopeId !== undefined ? { scopeId: scope.scopeId } : {}),
    });
    return executeFromHttp<SubmitMinistryReportDto, SubmitMinistryReportResult>(
      this.commandBus,
      this.metrics,
      submitMinistryReport,
      dto,
      req,
    );
  }
}
