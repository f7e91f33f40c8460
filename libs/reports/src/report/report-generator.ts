import { Injectable, Optional } from '@nestjs/common';
import { SaeilConfig } from '@saeil/config';
import { RuleViolation, ServiceUnavailable } from '@saeil/core';
import type { MinistryReportFigures } from '@saeil/contracts';
import { EventStore } from '@saeil/event-store';
import { KpiSource, StatisticsSource } from '../ports';
import type { StatisticsAsOf, StatisticsScope } from '../ports';
import { parseReportPeriod } from '../domain/report-period';
import type { ReportScope } from '../domain/report-scope';
import { buildMinistryReport, retentionDimensionsFor } from './build-ministry-report';

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
    private readonly store: EventStore,
    // Optional so the api still starts while a build runs without the statistics or KPI module: reports then answer 503.
    @Optional() private readonly statistics?: StatisticsSource,
    @Optional() private readonly kpi?: KpiSource,
  ) {}

  async generate(scope: ReportScope, periodKey: string, asOfPosition?: number): Promise<MinistryReportFigures> {
    const period = parseReportPeriod(periodKey);
    if (!this.statistics || !this.kpi) throw new ServiceUnavailable('통계 또는 성과지표 모듈이 연결되지 않아 보고서를 만들 수 없습니다.');
    if (asOfPosition !== undefined) {
      const head = await this.store.headPosition();
      if (asOfPosition > head) throw new RuleViolation('REPORT_POSITION_AHEAD', `기준 위치 ${asOfPosition}은(는) 아직 기록되지 않았습니다 (현재 ${head}).`, { asOfPosition, head });
    }
    const statsScope: StatisticsScope = scope.scopeId === undefined ? { level: scope.level } : { level: scope.level, id: scope.scopeId };
    const range = { from: period.from, to: period.to };
    const snapshot = await this.statistics.snapshot(statsScope, range, asOfPosition === undefined ? {} : { asOfPosition });
    const asOf: StatisticsAsOf = { asOfPosition: snapshot.asOfPosition, asOfDate: snapshot.asOfDate };
    const breakdowns = [];
    for (const dimension of retentionDimensionsFor(scope.level)) {
      breakdowns.push({ dimension, rows: await this.statistics.retentionBy(dimension, statsScope, range, asOf) });
    }
    const kpi = await this.kpi.achievementsFor(statsScope, asOf);
    return buildMinistryReport(scope, period, { snapshot, breakdowns, kpi }, this.config.SUPPRESSION_THRESHOLD);
  }
}
