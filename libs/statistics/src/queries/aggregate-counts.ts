import { DataSource, QueryRunner } from 'typeorm';
import { addMonths } from '@saeil/core';
import { outcomeIndex, OUTCOME_COLUMNS, TRAINING_EMPLOYED_WITHIN } from '../projections/statistics-aggregates';
import { Counts, FactFilter, FIGURE_PARTS, FigurePart, NO_PROGRAM, retentionCountsOf, RetentionRow } from './fact-counts';

/**
 * The counts FactCounts gives, read from the pre-aggregated tables the statistics projection
 * keeps (libs/statistics/src/projections/statistics-aggregates.ts). They hold every fact
 * applied, so they answer only as of the projection's own position: every read runs in one
 * REPEATABLE READ snapshot that first reads that position, and answers `undefined` (count the
 * facts) when the filter asks for another one. A period sums its whole months from the month
 * rows and its edge days from the day rows.
 */

type RetentionKeyDimension = 'none' | 'program' | 'employmentType' | 'occupationGroup' | 'placementMonth';

/** Parts of [from, to]: whole months (first days) and edge days. Empty when from > to. */
export function segmentsOf(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  if (from > to) return { months: null, days: [] };
  const firstFull = from.endsWith('-01') ? from : addMonths(`${from.slice(0, 7)}-01`, 1);
  const lastMonthStart = `${to.slice(0, 7)}-01`;
  const lastFullStart = addMonths(lastMonthStart, 1) === nextDay(to) ? lastMonthStart : addMonths(lastMonthStart, -1);
  if (firstFull > lastFullStart) return { months: null, days: [[from, to]] };
  const lastFullEnd = previousDay(addMonths(lastFullStart, 1));
  const days: [string, string][] = [];
  if (from < firstFull) days.push([from, previousDay(firstFull)]);
  if (to > lastFullEnd) days.push([nextDay(lastFullEnd), to]);
  return { months: [firstFull, lastFullStart], days };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The last start day whose milestone n (start + n months, month-end clamped) is on or before `day`. */
export function lastStartWithMilestoneBy(day: string, n: number): string {
  let start = addMonths(day, -n);
  while (addMonths(nextDay(start), n) <= day) start = nextDay(start);
  return start;
}

/** Collects SQL parameters and builds the bucket condition of a period. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  period(from: string, to: string): string {
    const { months, days } = segmentsOf(from, to);
    const parts: string[] = [];
    if (months) parts.push(`(grain = 'm' AND bucket BETWEEN ${this.add(months[0])}::date AND ${this.add(months[1])}::date)`);
    for (const [a, b] of days) parts.push(`(grain = 'd' AND bucket BETWEEN ${this.add(a)}::date AND ${this.add(b)}::date)`);
    return parts.length ? `(${parts.join(' OR ')})` : 'false';
  }
  centers(column: string, centerIds: string[] | null): string {
    return centerIds === null ? 'true' : `${column} = ANY(${this.add(centerIds)}::text[])`;
  }
}

const minDay = (a: string, b: string) => (a < b ? a : b);

export class AggregateCounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trainingWithinMonths: number,
  ) {}

  /**
   * The counts of the parts asked for, per center, as FactCounts.perCenter gives them; undefined
   * when the aggregates do not stand at the filter's position. With `live`, any position does:
   * the answer says which.
   */
  async perCenter(filter: FactFilter, parts: readonly FigurePart[] = FIGURE_PARTS, live = false): Promise<{ position: number; counts: Map<string, Counts> } | undefined> {
    return this.inSnapshot(filter, live, async (runner, f) => {
      const out = new Map<string, Counts>();
      const add = (centerId: string, key: string, value: number) => {
        const counts = out.get(centerId) ?? {};
        counts[key] = (counts[key] ?? 0) + value;
        out.set(centerId, counts);
      };
      const employment = parts.includes('employment');
      const activity = parts.includes('activity');
      if (employment || activity) {
        for (const r of await this.counts(runner, f)) {
          const isEmployment = r.key === 'clientsRegistered' || r.key === 'placements' || r.key.startsWith('placementsBy') || r.key === 'trainingCompleters';
          if (r.key.startsWith(TRAINING_EMPLOYED_WITHIN)) {
            if (employment && Number(r.key.slice(TRAINING_EMPLOYED_WITHIN.length)) <= this.trainingWithinMonths) add(r.center_id, 'trainingCompletersEmployed', r.value);
          } else if (r.key === 'supportedFollowUps') {
            if (activity) add(r.center_id, 'retentionBeneficiaries', r.value);
          } else if (!isEmployment || employment) {
            add(r.center_id, r.key, r.value);
          }
          // Each employed client once: placements of the period less those whose client's previous one is of the period too.
          if (employment && r.key === 'placements') add(r.center_id, 'employedClients', r.value);
        }
        if (employment) for (const r of await this.repeats(runner, f, 'placement')) add(r.center_id, 'employedClients', -r.value);
        if (activity) for (const r of await this.repeats(runner, f, 'support')) add(r.center_id, 'retentionBeneficiaries', -r.value);
      }
      if (parts.includes('retention')) {
        for (const r of await this.retention(runner, f, 'none')) for (const [key, value] of Object.entries(retentionCountsOf(r))) add(r.center_id, key, value);
      }
      return out;
    });
  }

  /** As FactCounts.retentionBy. */
  async retentionBy(filter: FactFilter, dimension: 'program' | 'employmentType' | 'occupationGroup' | 'placementMonth', live = false): Promise<{ position: number; byKey: Map<string, Map<string, Counts>> } | undefined> {
    return this.inSnapshot(filter, live, async (runner, f) => {
      const out = new Map<string, Map<string, Counts>>();
      for (const r of await this.retention(runner, f, dimension)) {
        const byCenter = out.get(r.key) ?? new Map<string, Counts>();
        const counts = byCenter.get(r.center_id) ?? {};
        for (const [key, value] of Object.entries(retentionCountsOf(r))) counts[key] = (counts[key] ?? 0) + value;
        byCenter.set(r.center_id, counts);
        out.set(r.key, byCenter);
      }
      return out;
    }).then((r) => r && { position: r.position, byKey: r.counts });
  }

  private async inSnapshot<T>(filter: FactFilter, live: boolean, read: (runner: QueryRunner, f: FactFilter) => Promise<T>): Promise<{ position: number; counts: T } | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const rows: { position: string }[] = await runner.query(`SELECT position FROM rm_stat_position WHERE id = 1`);
      const position = rows.length ? Number(rows[0].position) : 0;
      if (!live && position !== filter.asOfPosition) return undefined;
      return { position, counts: await read(runner, { ...filter, asOfPosition: position }) };
    } finally {
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  /** The period's counts per center and key: a row per center and month, or edge day, summed here. */
  private async counts(runner: QueryRunner, f: FactFilter): Promise<{ center_id: string; key: string; value: number }[]> {
    const p = new Params();
    const rows: { center_id: string; counts: Record<string, number> }[] = await runner.query(
      `SELECT center_id, counts FROM rm_stat_agg_counts WHERE ${p.period(f.from, f.to)} AND ${p.centers('center_id', f.centerIds)}`,
      p.values,
    );
    const sums = new Map<string, Record<string, number>>();
    for (const row of rows) {
      const sum = sums.get(row.center_id) ?? {};
      for (const [key, value] of Object.entries(row.counts)) sum[key] = (sum[key] ?? 0) + value;
      sums.set(row.center_id, sum);
    }
    return [...sums].flatMap(([center_id, sum]) => Object.entries(sum).map(([key, value]) => ({ center_id, key, value })));
  }

  /** Placements (or supported follow-ups) of the period whose client's previous one is of the period too. */
  private repeats(runner: QueryRunner, f: FactFilter, kind: 'placement' | 'support'): Promise<{ center_id: string; value: number }[]> {
    const [table, day, prev] = kind === 'placement' ? ['rm_stat_placement_repeats', 'start_on', 'prev_start_on'] : ['rm_stat_support_repeats', 'contacted_on', 'prev_contacted_on'];
    const p = new Params();
    const from = p.add(f.from);
    const to = p.add(f.to);
    return runner.query(
      `SELECT center_id, count(*)::int AS value FROM ${table}
        WHERE ${prev} BETWEEN ${from}::date AND ${to}::date AND ${day} <= ${to}::date AND ${p.centers('center_id', f.centerIds)}
        GROUP BY center_id`,
      p.values,
    );
  }

  /**
   * Retention per center, dimension value and milestone: the aggregated milestones of the cohort
   * (each n over the start days, or milestone days, whose milestone is due by asOfDate), less what
   * the follow-ups contacted after asOfDate added (they count as unrecorded as of that day).
   */
  private async retention(runner: QueryRunner, f: FactFilter, dimension: RetentionKeyDimension): Promise<RetentionRow[]> {
    const byDue = f.retentionCohort === 'milestone_date';
    const p = new Params();
    const perN = [1, 2, 3].map((n) => {
      const last = byDue ? minDay(f.to, f.asOfDate) : minDay(f.to, lastStartWithMilestoneBy(f.asOfDate, n));
      return `(n = ${n} AND ${p.period(f.from, last)})`;
    });
    const stored = dimension === 'placementMonth' ? 'none' : dimension;
    const keySql =
      dimension === 'placementMonth' ? (byDue ? `to_char((bucket - make_interval(months => n::int))::date, 'YYYY-MM')` : `to_char(bucket, 'YYYY-MM')`) : dimension === 'none' ? `''` : 'value';
    const names = ['eligible', ...OUTCOME_COLUMNS];
    const rows: { center_id: string; key: string; n: number; counts: number[] }[] = (
      await runner.query(
        `SELECT center_id, ${keySql} AS key, n, ${names.map((c) => `sum(${c})::int AS ${c}`).join(', ')}
           FROM rm_stat_agg_retention
          WHERE cohort = ${p.add(byDue ? 'due' : 'start')} AND dim = ${p.add(stored)} AND (${perN.join(' OR ')}) AND ${p.centers('center_id', f.centerIds)}
          GROUP BY 1, 2, 3`,
        p.values,
      )
    ).map((r: Record<string, any>) => ({ center_id: r.center_id, key: r.key, n: Number(r.n), counts: names.map((c) => r[c]) }));
    const byKey = new Map(rows.map((r) => [`${r.center_id}|${r.key}|${r.n}`, r]));
    const at = (centerId: string, key: string, n: number) => {
      const k = `${centerId}|${key}|${n}`;
      let row = byKey.get(k);
      if (!row) byKey.set(k, (row = { center_id: centerId, key, n, counts: [0, 0, 0, 0, 0, 0] }));
      return row;
    };
    for (const late of await this.lateFollowUps(runner, f, dimension)) {
      const recorded = outcomeIndex(late.outcome);
      const fallback = outcomeIndex(late.fallback)!;
      const counted = at(late.center_id, late.key, late.n);
      counted.counts[0] -= late.count;
      if (recorded !== undefined) counted.counts[recorded] -= late.count;
      // Unrecorded as of asOfDate: its placement's end or unverified, and no program.
      const asOf = at(late.center_id, dimension === 'program' ? NO_PROGRAM : late.key, late.n);
      asOf.counts[0] += late.count;
      asOf.counts[fallback] += late.count;
    }
    return [...byKey.values()]
      .filter((r) => r.counts[0] !== 0)
      .map((r) => ({
        center_id: r.center_id,
        key: r.key,
        n: r.n,
        eligible: r.counts[0],
        same_employer: r.counts[1],
        other_employer: r.counts[2],
        not_employed: r.counts[3],
        unreachable: r.counts[4],
        unverified: r.counts[5],
      }));
  }

  /** Follow-ups of the cohort's eligible milestones contacted after asOfDate, grouped as the aggregates hold them. */
  private lateFollowUps(
    runner: QueryRunner,
    f: FactFilter,
    dimension: RetentionKeyDimension,
  ): Promise<{ center_id: string; key: string; n: number; outcome: string; fallback: string; count: number }[]> {
    const p = new Params();
    const asOf = p.add(f.asOfDate);
    const from = p.add(f.from);
    const to = p.add(f.to);
    const keySql: Record<RetentionKeyDimension, string> = {
      none: `''`,
      program: `coalesce(fu.program_id, '${NO_PROGRAM}')`,
      employmentType: 'pl.employment_type',
      occupationGroup: 'pl.occupation_group',
      placementMonth: `to_char(pl.start_on, 'YYYY-MM')`,
    };
    const cohort = f.retentionCohort === 'milestone_date' ? `fu.due_on BETWEEN ${from}::date AND ${to}::date` : `pl.start_on BETWEEN ${from}::date AND ${to}::date`;
    return runner.query(
      `SELECT pl.center_id, ${keySql[dimension]} AS key, fu.n::int AS n, fu.outcome,
              CASE WHEN pl.ended_on < fu.due_on THEN 'not_employed' ELSE 'unverified' END AS fallback, count(*)::int AS count
         FROM rm_stat_follow_ups fu JOIN rm_stat_placements pl ON pl.placement_id = fu.placement_id
        WHERE fu.contacted_on > fu.due_on AND fu.due_on >= ${from}::date AND fu.due_on <= ${asOf}::date AND fu.contacted_on > ${asOf}::date
          AND ${cohort} AND pl.voided_position IS NULL AND ${p.centers('pl.center_id', f.centerIds)}
        GROUP BY 1, 2, 3, 4, 5`,
      p.values,
    );
  }
}
