import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { positionsKey } from '@saeil/projections';
import { CLOCK, Clock, ServiceUnavailable } from '@saeil/core';
import type { KpiPlanDefinedV1 } from '@saeil/contracts';
import { StatisticMetric, StatisticsAsOf, StatisticsScope, StatisticsSource } from '@saeil/statistics';
import { KpiPlanAchievement, KpiSource } from '../../kpi-source';
import { kpiPlansProjection } from '../../projections/kpi-plans.projection';
import {
  DisplayPrecision,
  EnteredActual,
  planAchievement,
  PlanAchievementView,
  precisionOf,
  termYears,
} from './plan-achievement';

interface PlanRow {
  plan_id: string;
  center_id: string;
  name: string;
  from_year: number;
  to_year: number;
  indicators: KpiPlanDefinedV1['indicators'];
  decimals: number | null;
}

/**
 * KPI achievement from the read model (entered actuals) and the statistics (mapped indicators),
 * as of a date and optionally a global position. Also the KpiSource the Ministry report reads.
 */
@Injectable()
export class KpiAchievements extends KpiSource {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: SaeilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    // Optional so the KPI module starts without the statistics module: mapped indicators then answer 503.
    @Optional() private readonly statistics?: StatisticsSource,
  ) {
    super();
  }

  /** A plan's achievement; `decimals` (asked by the reader) over the plan's own, else up to 2 with zeros dropped. */
  async ofPlan(
    planId: string,
    asOfDate: string,
    decimals?: number,
    asOfPosition?: number,
  ): Promise<(PlanAchievementView & { decimals: number }) | undefined> {
    const [row] = await this.plans({ planId }, asOfPosition);
    if (!row) return undefined;
    const precision = precisionOf(decimals ?? row.decimals ?? undefined);
    return { ...(await this.achievementOf(row, asOfDate, precision, asOfPosition)), decimals: precision.decimals };
  }

  async achievementsFor(scope: StatisticsScope, asOf: StatisticsAsOf = {}): Promise<KpiPlanAchievement[]> {
    const asOfDate = asOf.asOfDate ?? this.clock.today();
    const centerIds =
      scope.level === 'nation'
        ? undefined
        : scope.level === 'center'
          ? [scope.id ?? '']
          : (await this.requireStatistics().centersOf(scope)).map((c) => c.centerId);
    if (asOf.asOfPosition !== undefined) await this.requireApplied(asOf.asOfPosition);
    const rows = await this.plans({ centerIds }, asOf.asOfPosition);
    const views = [];
    for (const row of rows)
      views.push(await this.achievementOf(row, asOfDate, precisionOf(row.decimals ?? undefined), asOf.asOfPosition));
    return views.map((v) => ({
      planId: v.planId,
      name: v.name,
      centerId: v.centerId,
      term: v.term,
      indicators: v.indicators.map((i) => ({
        indicatorId: i.indicatorId,
        name: i.name,
        unit: i.unit,
        termTarget: i.termTarget,
        actual: i.cumulativeActual,
        achievement: i.achievement,
        ...(i.weight !== undefined ? { weight: i.weight } : {}),
        source: i.source,
      })),
      overall: v.overall.achievement,
    }));
  }

  /**
   * A report frozen as of a position must find the same plans and actuals when regenerated, so
   * every KPI event at or below it must be in the read model first: waited for (bounded), else 503.
   */
  private async requireApplied(asOfPosition: number): Promise<void> {
    const deadline = Date.now() + this.config.MAX_CONSISTENCY_WAIT_MS;
    for (let delay = 20; ; delay = Math.min(delay * 2, 200)) {
      const [{ missing }] = await this.dataSource.query(
        `SELECT count(*)::int AS missing FROM events e
          WHERE e.stream_id LIKE 'kpi-plan-%' AND e.global_position <= $1
            AND NOT EXISTS (SELECT 1 FROM projection_stream_positions p WHERE p.projection = $2 AND p.stream_id = e.stream_id AND p.stream_version >= e.stream_version)`,
        [asOfPosition, positionsKey(kpiPlansProjection.name, 'live')],
      );
      if (missing === 0) return;
      if (Date.now() >= deadline)
        throw new ServiceUnavailable(
          `성과지표가 아직 위치 ${asOfPosition}까지 반영되지 않았습니다. 잠시 후 다시 시도하세요.`,
        );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private async plans(where: { planId?: string; centerIds?: string[] }, asOfPosition?: number): Promise<PlanRow[]> {
    return this.dataSource.query(
      `SELECT plan_id, center_id, name, from_year, to_year, indicators, decimals FROM rm_kpi_plans
        WHERE ($1::uuid IS NULL OR plan_id = $1) AND ($2::text[] IS NULL OR center_id = ANY($2)) AND ($3::bigint IS NULL OR global_position <= $3)
        ORDER BY center_id, from_year, name, plan_id`,
      [where.planId ?? null, where.centerIds ?? null, asOfPosition ?? null],
    );
  }

  private async achievementOf(
    row: PlanRow,
    asOfDate: string,
    precision: DisplayPrecision,
    asOfPosition?: number,
  ): Promise<PlanAchievementView> {
    const plan: KpiPlanDefinedV1 = {
      planId: row.plan_id,
      centerId: row.center_id,
      name: row.name,
      fromYear: row.from_year,
      toYear: row.to_year,
      indicators: row.indicators,
      ...(row.decimals !== null ? { decimals: row.decimals } : {}),
    };
    const actuals: EnteredActual[] = (
      await this.dataSource.query(
        `SELECT indicator_id, year, quarter, value, to_char(entered_on, 'YYYY-MM-DD') AS entered_on, global_position FROM rm_kpi_actuals
          WHERE plan_id = $1 AND ($2::bigint IS NULL OR global_position <= $2)`,
        [row.plan_id, asOfPosition ?? null],
      )
    ).map((r: Record<string, unknown>) => ({
      indicatorId: r.indicator_id,
      year: r.year,
      quarter: r.quarter,
      value: Number(r.value),
      enteredOn: r.entered_on,
      position: Number(r.global_position),
    }));
    const mapped: Record<string, (number | null)[]> = {};
    for (const indicator of plan.indicators.filter((i) => i.metric)) {
      mapped[indicator.indicatorId] = await this.mappedYearly(
        plan,
        indicator.metric as StatisticMetric,
        asOfDate,
        asOfPosition,
      );
    }
    return planAchievement(plan, actuals, mapped, asOfDate, precision);
  }

  /** A mapped indicator's yearly actuals: the statistic over each term year that has begun by asOfDate (up to that date). */
  private async mappedYearly(
    plan: KpiPlanDefinedV1,
    metric: StatisticMetric,
    asOfDate: string,
    asOfPosition?: number,
  ): Promise<(number | null)[]> {
    const statistics = this.requireStatistics();
    const scope: StatisticsScope = { level: 'center', id: plan.centerId };
    const values: (number | null)[] = [];
    for (const year of termYears(plan.fromYear, plan.toYear)) {
      const from = `${year}-01-01`;
      if (from > asOfDate) {
        values.push(null);
        continue;
      }
      const to = `${year}-12-31` < asOfDate ? `${year}-12-31` : asOfDate;
      values.push(
        await statistics.metric(
          metric,
          scope,
          { from, to },
          { asOfDate, ...(asOfPosition !== undefined ? { asOfPosition } : {}) },
        ),
      );
    }
    return values;
  }

  private requireStatistics(): StatisticsSource {
    if (!this.statistics)
      throw new ServiceUnavailable('통계 모듈이 연결되지 않아 통계에서 오는 실적을 계산할 수 없습니다.');
    return this.statistics;
  }
}
