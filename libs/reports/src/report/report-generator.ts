import { Injectable, Optional } from '@nestjs/common';
import { SaeilConfig } from '@saeil/config';
import { RuleViolation, ServiceUnavailable } from '@saeil/core';
import type { MinistryReportFigures } from '@saeil/contracts';
import { KpiSource, StatisticsSource } from '../ports';
import type { StatisticsAsOf, StatisticsScope } from '../ports';
import { parseReportPeriod } from '../domain/report-period';
import type { ReportScope } from '../domain/report-scope';
import {
  buildExactFigures,
  buildMinistryReport,
  ReportExactFigures,
  ReportSources,
  retentionDimensionsFor,
} from './build-ministry-report';

/**
 * Reads the figures of a report through the statistics and KPI ports, all as of one position,
 * and builds the de-identified, suppressed report. The position is fixed first (the given one,
 * or where the statistics stand now) and every later read uses it, so the parts agree and a
 * report regenerated as of the same position is the same. The statistics port validates the
 * scope (an unknown center is a 404, an unknown region a 400).
 */
@Injectable()
export class ReportGenerator {
  constructor(
    private readonly config: SaeilConfig,
    // Optional so the api still starts while a build runs without the statistics or KPI module: reports then answer 503.
    @Optional() private readonly statistics?: StatisticsSource,
    @Optional() private readonly kpi?: KpiSource,
  ) {}

  async generate(scope: ReportScope, periodKey: string, asOfPosition?: number): Promise<MinistryReportFigures> {
    return (await this.generateWithExact(scope, periodKey, asOfPosition)).report;
  }

  /**
   * The report and, from the same reads, the exact figures it was made from: what a center's own
   * staff see beside what the Ministry will see. Never for a reader above the center.
   */
  async generateWithExact(
    scope: ReportScope,
    periodKey: string,
    asOfPosition?: number,
  ): Promise<{ report: MinistryReportFigures; exact: ReportExactFigures }> {
    const period = parseReportPeriod(periodKey);
    if (!this.statistics || !this.kpi)
      throw new ServiceUnavailable('통계 또는 성과지표 모듈이 연결되지 않아 보고서를 만들 수 없습니다.');
    const statsScope: StatisticsScope =
      scope.scopeId === undefined ? { level: scope.level } : { level: scope.level, id: scope.scopeId };
    const range = { from: period.from, to: period.to };
    // The milestones dated in the period, so a quarter's report shows months 2 and 3 too (RETENTION_COHORTS).
    const cohort = { retentionCohort: 'milestone_date' } as const;
    const live = await this.statistics.snapshot(statsScope, range, cohort);
    // Figures as of a position the statistics have not reached yet would be incomplete, and a later regeneration would differ.
    if (asOfPosition !== undefined && asOfPosition > live.asOfPosition) {
      throw new RuleViolation(
        'REPORT_POSITION_AHEAD',
        `통계가 아직 위치 ${asOfPosition}까지 반영되지 않았습니다 (현재 ${live.asOfPosition}). 잠시 후 다시 시도하세요.`,
        { asOfPosition, projected: live.asOfPosition },
      );
    }
    const snapshot =
      asOfPosition === undefined
        ? live
        : await this.statistics.snapshot(statsScope, range, { ...cohort, asOfPosition });
    const asOf: StatisticsAsOf = { ...cohort, asOfPosition: snapshot.asOfPosition, asOfDate: snapshot.asOfDate };
    const breakdowns = [];
    for (const dimension of retentionDimensionsFor(scope.level)) {
      breakdowns.push({ dimension, rows: await this.statistics.retentionBy(dimension, statsScope, range, asOf) });
    }
    const kpi = await this.kpi.achievementsFor(statsScope, asOf);
    const sources: ReportSources = { snapshot, breakdowns, kpi };
    return {
      report: buildMinistryReport(scope, period, sources, this.config.SUPPRESSION_THRESHOLD),
      exact: buildExactFigures(sources),
    };
  }
}
