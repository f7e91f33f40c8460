import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { KOREAN_REGIONS, type ReportLevel } from '@saeil/contracts';
import { NotFound } from '@saeil/core';
import { CentersDirectory, UNASSIGNED_REGION } from '@saeil/statistics';
import { Indicators, sumIndicators } from '../domain/indicators';

/** The latest version of one submitted report, as the dashboard's store keeps it. */
export interface LatestReport {
  reportId: string;
  level: ReportLevel;
  scopeId: string | null;
  period: string;
  periodKind: 'month' | 'quarter';
  version: number;
  submittedOn: string;
  indicators: Indicators;
}

/** Where a row's figures come from: its own submitted report, a sum of the reports below it, or nothing submitted. */
export type FigureSource = 'report' | 'sumOfCenters' | 'sumOfRegions' | 'none';

export interface CenterRow {
  centerId: string;
  name: string;
  region: string;
  submitted: boolean;
  version: number | null;
  submittedOn: string | null;
  indicators: Indicators | null;
}

export interface RegionRow {
  region: string;
  source: FigureSource;
  /** The 시·도's own report: its version, when submitted. */
  version: number | null;
  centersListed: number;
  centersSubmitted: number;
  indicators: Indicators | null;
}

export interface NationalPicture {
  period: string;
  source: FigureSource;
  indicators: Indicators | null;
  regions: RegionRow[];
  centersListed: number;
  centersSubmitted: number;
}

export interface RegionPicture {
  period: string;
  region: RegionRow;
  centers: CenterRow[];
}

export interface PeriodSummary {
  period: string;
  kind: 'month' | 'quarter';
  centerReports: number;
  regionReports: number;
  nationReports: number;
}

export interface TrendPoint {
  period: string;
  source: FigureSource;
  indicators: Indicators | null;
}

export interface VersionRow {
  reportId: string;
  level: ReportLevel;
  scopeId: string | null;
  period: string;
  version: number;
  submittedOn: string;
  asOfPosition: number;
  contentHash: string;
  indicators: Indicators;
}

interface Row {
  report_id: string;
  level: ReportLevel;
  scope_id: string | null;
  period: string;
  period_kind: 'month' | 'quarter';
  version: number;
  submitted_on: string;
  indicators: Indicators;
}

const toLatest = (r: Row): LatestReport => ({
  reportId: r.report_id,
  level: r.level,
  scopeId: r.scope_id,
  period: r.period,
  periodKind: r.period_kind,
  version: r.version,
  submittedOn: r.submitted_on,
  indicators: r.indicators,
});

/**
 * The dashboard's reads. Every one of them reads `ministry_dashboard.report_versions` only — the
 * submitted reports as the feed delivered them — and the centers directory (which centers exist,
 * to say who has not submitted). A 시·도 without its own report is shown as the sum of its
 * centers' reports, the nation without one as the sum of the 시·도, each row saying which.
 */
@Injectable()
export class DashboardQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly centers: CentersDirectory,
  ) {}

  private async latest(where: string, params: unknown[]): Promise<LatestReport[]> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT DISTINCT ON (report_id) report_id, level, scope_id, period, period_kind, version, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on, indicators
         FROM ministry_dashboard.report_versions WHERE ${where}
        ORDER BY report_id, version DESC`,
      params,
    );
    return rows.map(toLatest);
  }

  async periods(): Promise<PeriodSummary[]> {
    const rows = await this.dataSource.query<
      { period: string; kind: 'month' | 'quarter'; center: number; region: number; nation: number }[]
    >(
      `SELECT period, min(period_kind) AS kind,
              count(DISTINCT report_id) FILTER (WHERE level = 'center')::int AS center,
              count(DISTINCT report_id) FILTER (WHERE level = 'region')::int AS region,
              count(DISTINCT report_id) FILTER (WHERE level = 'nation')::int AS nation
         FROM ministry_dashboard.report_versions GROUP BY period ORDER BY period DESC`,
    );
    return rows.map((r) => ({
      period: r.period,
      kind: r.kind,
      centerReports: r.center,
      regionReports: r.region,
      nationReports: r.nation,
    }));
  }

  private regionOf(report: LatestReport): string {
    return report.level === 'center' ? this.centers.regionOf(report.scopeId!) : (report.scopeId ?? '');
  }

  private regionRow(region: string, reports: LatestReport[]): RegionRow {
    const own = reports.find((r) => r.level === 'region' && r.scopeId === region);
    const centerReports = reports.filter((r) => r.level === 'center' && this.regionOf(r) === region);
    const listed = this.centers.centersIn(region).length;
    const indicators = own
      ? own.indicators
      : centerReports.length
        ? sumIndicators(centerReports.map((r) => r.indicators))
        : null;
    return {
      region,
      source: own ? 'report' : centerReports.length ? 'sumOfCenters' : 'none',
      version: own?.version ?? null,
      centersListed: listed,
      centersSubmitted: centerReports.length,
      indicators,
    };
  }

  private regionsOf(reports: LatestReport[]): string[] {
    const regions: string[] = [...KOREAN_REGIONS];
    if (reports.some((r) => this.regionOf(r) === UNASSIGNED_REGION)) regions.push(UNASSIGNED_REGION);
    return regions;
  }

  private picture(period: string, reports: LatestReport[]): NationalPicture {
    const regions = this.regionsOf(reports).map((region) => this.regionRow(region, reports));
    const own = reports.find((r) => r.level === 'nation');
    const submittedRegions = regions.filter((r) => r.indicators);
    return {
      period,
      source: own ? 'report' : submittedRegions.length ? 'sumOfRegions' : 'none',
      indicators: own
        ? own.indicators
        : submittedRegions.length
          ? sumIndicators(submittedRegions.map((r) => r.indicators!))
          : null,
      regions,
      centersListed: this.centers.all().length,
      centersSubmitted: reports.filter((r) => r.level === 'center').length,
    };
  }

  async nation(period: string): Promise<NationalPicture> {
    return this.picture(period, await this.latest('period = $1', [period]));
  }

  async region(region: string, period: string): Promise<RegionPicture> {
    if (!this.centers.isRegion(region)) throw new NotFound('시·도', region);
    const reports = await this.latest('period = $1', [period]);
    const byCenter = new Map(
      reports.filter((r) => r.level === 'center' && this.regionOf(r) === region).map((r) => [r.scopeId!, r]),
    );
    const ids = [...new Set([...this.centers.centersIn(region), ...byCenter.keys()])].sort();
    const centers = ids.map((centerId): CenterRow => {
      const report = byCenter.get(centerId);
      return {
        centerId,
        name: this.centers.get(centerId)?.name ?? centerId,
        region,
        submitted: !!report,
        version: report?.version ?? null,
        submittedOn: report?.submittedOn ?? null,
        indicators: report?.indicators ?? null,
      };
    });
    return { period, region: this.regionRow(region, reports), centers };
  }

  /** Monthly or quarterly series of one scope: the nation, a 시·도 or a center. */
  async trend(kind: 'month' | 'quarter', level: ReportLevel, id: string | undefined): Promise<TrendPoint[]> {
    if (level === 'region' && !this.centers.isRegion(id ?? '')) throw new NotFound('시·도', id ?? '');
    const reports = await this.latest('period_kind = $1', [kind]);
    const periods = [...new Set(reports.map((r) => r.period))].sort();
    return periods.map((period) => {
      const of = reports.filter((r) => r.period === period);
      if (level === 'nation') {
        const p = this.picture(period, of);
        return { period, source: p.source, indicators: p.indicators };
      }
      if (level === 'region') {
        const row = this.regionRow(id!, of);
        return { period, source: row.source, indicators: row.indicators };
      }
      const own = of.find((r) => r.level === 'center' && r.scopeId === id);
      return { period, source: own ? 'report' : 'none', indicators: own?.indicators ?? null };
    });
  }

  /** Every version of one report, oldest first: a correction is the next version, the earlier ones kept. */
  async versions(level: ReportLevel, id: string | undefined, period: string): Promise<VersionRow[]> {
    const rows = await this.dataSource.query<(Row & { as_of_position: string; content_hash: string })[]>(
      `SELECT report_id, level, scope_id, period, period_kind, version, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on, as_of_position, content_hash, indicators
         FROM ministry_dashboard.report_versions
        WHERE level = $1 AND scope_id IS NOT DISTINCT FROM $2 AND period = $3 ORDER BY version`,
      [level, level === 'nation' ? null : (id ?? null), period],
    );
    return rows.map((r) => ({ ...toLatest(r), asOfPosition: Number(r.as_of_position), contentHash: r.content_hash }));
  }
}
