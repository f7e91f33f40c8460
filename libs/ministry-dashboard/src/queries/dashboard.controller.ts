import { Controller, Get, Param, Query, Redirect, Res, StreamableFile } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SaeilConfig } from '@saeil/config';
import { ApiAnswer, ApiErrors, ApiFileAnswer, Public } from '@saeil/core';
import { Roles } from '@saeil/identity';
import { dashboardRows, toCsv, toXlsx } from './dashboard-export';
import { DashboardQueries } from './dashboard-queries';
import { ExportQueryDto, PeriodQueryDto, TrendQueryDto, VersionsQueryDto } from './dashboard.dto';
import {
  DashboardVersionResponse,
  NationalPictureResponse,
  PeriodSummaryResponse,
  RegionPictureResponse,
  TrendPointResponse,
} from './dashboard.response';

/**
 * The Ministry dashboard's read API: the Ministry analyst only. Everything it answers comes from
 * the submitted reports the feed delivered (ministry_dashboard.report_versions): aggregates,
 * suppressed where the report suppressed them, never a person.
 */
@ApiTags('ministry-dashboard')
@Roles('ministry_analyst')
@Controller('ministry-dashboard')
export class MinistryDashboardController {
  constructor(
    private readonly queries: DashboardQueries,
    private readonly config: SaeilConfig,
  ) {}

  @Get('periods')
  @ApiOperation({
    summary: '제출된 기간: every month or quarter with a submitted report, and how many reports of each level',
  })
  @ApiAnswer(PeriodSummaryResponse, { isArray: true })
  periods(): Promise<PeriodSummaryResponse[]> {
    return this.queries.periods();
  }

  @Get('nation')
  @ApiOperation({
    summary:
      '전국 현황: the nation and the 17 시·도 for a period, from the submitted reports; centers submitted of those listed',
  })
  @ApiAnswer(NationalPictureResponse)
  nation(@Query() query: PeriodQueryDto): Promise<NationalPictureResponse> {
    return this.queries.nation(query.period);
  }

  @Get('regions/:region')
  @ApiOperation({ summary: '시·도 현황: the 시·도 and each of its centers (submitted or not) for a period' })
  @ApiAnswer(RegionPictureResponse)
  @ApiErrors(404)
  region(@Param('region') region: string, @Query() query: PeriodQueryDto): Promise<RegionPictureResponse> {
    return this.queries.region(region, query.period);
  }

  @Get('trends')
  @ApiOperation({ summary: '추이: the monthly or quarterly series of the nation, a 시·도 or a center' })
  @ApiAnswer(TrendPointResponse, { isArray: true })
  @ApiErrors(404)
  trend(@Query() query: TrendQueryDto): Promise<TrendPointResponse[]> {
    return this.queries.trend(query.kind, query.level, query.id);
  }

  @Get('versions')
  @ApiOperation({
    summary: '제출 이력: every version of one report as the feed delivered it (a correction is the next version)',
  })
  @ApiAnswer(DashboardVersionResponse, { isArray: true })
  versions(@Query() query: VersionsQueryDto): Promise<DashboardVersionResponse[]> {
    return this.queries.versions(query.level, query.id, query.period);
  }

  @Get('export')
  @ApiOperation({
    summary:
      "내려받기: the ranked table (the 17 시·도, or a 시·도's centers) as CSV or XLSX; suppressed cells read 비공개 (5명 미만)",
  })
  @ApiFileAnswer({
    files: [
      { mediaType: 'text/csv', description: 'UTF-8 with BOM' },
      {
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        binary: true,
        description: 'XLSX',
      },
    ],
  })
  @ApiErrors(404)
  async export(@Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const threshold = this.config.SUPPRESSION_THRESHOLD;
    const rows = query.region
      ? dashboardRows(
          await this.queries
            .region(query.region, query.period)
            .then((p) => ({ regions: [p.region], centers: p.centers })),
          threshold,
        )
      : dashboardRows(await this.queries.nation(query.period), threshold);
    const name = `ministry-dashboard-${query.region ?? 'nation'}-${query.period}.${query.format}`;
    res.attachment(name);
    if (query.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      return new StreamableFile(toCsv(rows));
    }
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return new StreamableFile(await toXlsx(rows, `성과 현황 ${query.period}`));
  }
}

/**
 * `/ministry/` is where the Ministry opens its dashboard: the same web app (one build, one login
 * and session) at its dashboard route. A redirect rather than a second copy of index.html,
 * because the app's router and assets live under /app/.
 */
@Public()
@Controller('ministry')
export class MinistryEntryController {
  @Get()
  @ApiExcludeEndpoint()
  @Redirect('/app/ministry', 302)
  open(): void {}
}
