import { DataSource } from 'typeorm';
import { addMonths } from '@saeil/core';
import { outcomeIndex, OUTCOME_COLUMNS, TRAINING_EMPLOYED_WITHIN } from '../projections/statistics-aggregates';
import { Counts, FactFilter, FIGURE_PARTS, FigurePart, NO_PROGRAM, retentionCountsOf, RetentionRow } from './fact-counts';

/**
 * The counts FactCounts gives, read from the pre-aggregated tables the statistics projection
 * keeps (libs/statistics/src/projections/statistics-aggregates.ts). They hold every fact
 * applied, so they answer only as of the projection's own position: every read is one statement
 * (one snapshot, one round trip) that reads that position with the counts, and answers
 * `undefined` (count the facts) when the filter asks for another one. A period sums its whole
 * months from the month rows and its edge days from the day rows.
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

type Rows = Record<string, any>[];

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
    const employment = parts.includes('employment');
    const activity = parts.includes('activity');
    const retention = parts.includes('retention');
    const read = await this.read(filter, live, (p) => ({
      ...(employment || activity ? { counts: this.countsSql(p, filter) } : {}),
      ...(employment ? { placement_repeats: this.repeatsSql(p, filter, 'placement') } : {}),
      ...(activity ? { support_repeats: this.repeatsSql(p, filter, 'support') } : {}),
      ...(retention ? { retention: this.retentionSql(p, filter, 'none'), late: this.lateSql(p, filter, 'none') } : {}),
    }));
    if (!read) return undefined;
    const out = new Map<string, Counts>();
    const add = (centerId: string, key: string, value: number) => {
      const counts = out.get(centerId) ?? {};
      counts[key] = (counts[key] ?? 0) + value;
      out.set(centerId, counts);
    };
    for (const row of read.rows.counts ?? []) {
      for (const [key, value] of Object.entries(row.counts as Record<string, number>)) {
        const isEmployment = key === 'clientsRegistered' || key === 'placements' || key.startsWith('placementsBy') || key === 'trainingCompleters';
        if (key.startsWith(TRAINING_EMPLOYED_WITHIN)) {
          if (employment && Number(key.slice(TRAINING_EMPLOYED_WITHIN.length)) <= this.trainingWithinMonths) add(row.center_id, 'trainingCompletersEmployed', value);
        } else if (key === 'supportedFollowUps') {
          if (activity) add(row.center_id, 'retentionBeneficiaries', value);
        } else if (!isEmployment || employment) {
          add(row.center_id, key, value);
        }
        // Each employed client once: placements of the period less those whose client's previous one is of the period too.
        if (employment && key === 'placements') add(row.center_id, 'employedClients', value);
      }
    }
    for (const r of read.rows.placement_repeats ?? []) add(r.center_id, 'employedClients', -r.value);
    for (const r of read.rows.support_repeats ?? []) add(r.center_id, 'retentionBeneficiaries', -r.value);
    if (retention) {
      for (const r of mergeRetention(read.rows.retention, read.rows.late, 'none')) for (const [key, value] of Object.entries(retentionCountsOf(r))) add(r.center_id, key, value);
    }
    return { position: read.position, counts: out };
  }

  /** As FactCounts.retentionBy. */
  async retentionBy(filter: FactFilter, dimension: 'program' | 'employmentType' | 'occupationGroup' | 'placementMonth', live = false): Promise<{ position: number; byKey: Map<string, Map<string, Counts>> } | undefined> {
    const read = await this.read(filter, live, (p) => ({ retention: this.retentionSql(p, filter, dimension), late: this.lateSql(p, filter, dimension) }));
    if (!read) return undefined;
    const out = new Map<string, Map<string, Counts>>();
    for (const r of mergeRetention(read.rows.retention, read.rows.late, dimension)) {
      const byCenter = out.get(r.key) ?? new Map<string, Counts>();
      const counts = byCenter.get(r.center_id) ?? {};
      for (const [key, value] of Object.entries(retentionCountsOf(r))) counts[key] = (counts[key] ?? 0) + value;
      byCenter.set(r.center_id, counts);
      out.set(r.key, byCenter);
    }
    return { position: read.position, byKey: out };
  }

  /**
   * Runs the named queries as one statement beside the projection's position, so they see one
   * snapshot: each answers its rows as a JSON array.
   */
  private async read(filter: FactFilter, live: boolean, build: (p: Params) => Record<string, string>): Promise<{ position: number; rows: Record<string, Rows> } | undefined> {
    const p = new Params();
    const queries = Object.entries(build(p));
    const [row]: Record<string, any>[] = await this.dataSource.query(
      `WITH ${queries.map(([name, sql]) => `q_${name} AS (${sql})`).join(',\n')}
       SELECT coalesce((SELECT position FROM rm_stat_position WHERE id = 1), 0) AS position,
              ${queries.map(([name]) => `(SELECT coalesce(json_agg(q), '[]'::json) FROM q_${name} q) AS ${name}`).join(', ')}`,
      p.values,
    );
    const position = Number(row.position);
    if (!live && position !== filter.asOfPosition) return undefined;
    return { position, rows: Object.fromEntries(queries.map(([name]) => [name, row[name] as Rows])) };
  }

  /** The period's counts: a row per center and month, or edge day (summed by the caller). */
  private countsSql(p: Params, f: FactFilter): string {
    return `SELECT center_id, counts FROM rm_stat_agg_counts WHERE ${p.period(f.from, f.to)} AND ${p.centers('center_id', f.centerIds)}`;
  }

  /** Placements (or supported follow-ups) of the period whose client's previous one is of the period too. */
  private repeatsSql(p: Params, f: FactFilter, kind: 'placement' | 'support'): string {
    const [table, day, prev] = kind === 'placement' ? ['rm_stat_placement_repeats', 'start_on', 'prev_start_on'] : ['rm_stat_support_repeats', 'contacted_on', 'prev_contacted_on'];
    const from = p.add(f.from);
    const to = p.add(f.to);
    return `SELECT center_id, count(*)::int AS value FROM ${table}
             WHERE ${prev} BETWEEN ${from}::date AND ${to}::date AND ${day} <= ${to}::date AND ${p.centers('center_id', f.centerIds)}
             GROUP BY center_id`;
  }

  /**
   * Retention per center, dimension value and milestone as aggregated: the cohort's milestones
   * (each n over the start days, or milestone days, whose milestone is due by asOfDate), as if
   * every follow-up recorded counted.
   */
  private retentionSql(p: Params, f: FactFilter, dimension: RetentionKeyDimension): string {
    const byDue = f.retentionCohort === 'milestone_date';
    const perN = [1, 2, 3].map((n) => {
      const last = byDue ? minDay(f.to, f.asOfDate) : minDay(f.to, lastStartWithMilestoneBy(f.asOfDate, n));
      return `(n = ${n} AND ${p.period(f.from, last)})`;
    });
    const stored = dimension === 'placementMonth' ? 'none' : dimension;
    const keySql =
      dimension === 'placementMonth' ? (byDue ? `to_char((bucket - make_interval(months => n::int))::date, 'YYYY-MM')` : `to_char(bucket, 'YYYY-MM')`) : dimension === 'none' ? `''` : 'value';
    return `SELECT center_id, ${keySql} AS key, n::int AS n, ${RETENTION_COLUMNS.map((c) => `sum(${c})::int AS ${c}`).join(', ')}
              FROM rm_stat_agg_retention
             WHERE cohort = ${p.add(byDue ? 'due' : 'start')} AND dim = ${p.add(stored)} AND (${perN.join(' OR ')}) AND ${p.centers('center_id', f.centerIds)}
             GROUP BY 1, 2, 3`;
  }

  /** Follow-ups of the cohort's eligible milestones contacted after asOfDate, grouped as the aggregates hold them. */
  private lateSql(p: Params, f: FactFilter, dimension: RetentionKeyDimension): string {
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
    return `SELECT pl.center_id, ${keySql[dimension]} AS key, fu.n::int AS n, fu.outcome,
                   CASE WHEN pl.ended_on < fu.due_on THEN 'not_employed' ELSE 'unverified' END AS fallback, count(*)::int AS count
              FROM rm_stat_follow_ups fu JOIN rm_stat_placements pl ON pl.placement_id = fu.placement_id
             WHERE fu.contacted_on > fu.due_on AND fu.due_on >= ${from}::date AND fu.due_on <= ${asOf}::date AND fu.contacted_on > ${asOf}::date
               AND ${cohort} AND pl.voided_position IS NULL AND ${p.centers('pl.center_id', f.centerIds)}
             GROUP BY 1, 2, 3, 4, 5`;
  }
}

const RETENTION_COLUMNS = ['eligible', ...OUTCOME_COLUMNS];

/**
 * The aggregated retention less what the follow-ups contacted after asOfDate added: as of that
 * day such a milestone is unrecorded (its placement's end, else unverified) and has no program.
 */
function mergeRetention(aggregated: Rows, late: Rows, dimension: RetentionKeyDimension): RetentionRow[] {
  const byKey = new Map<string, { center_id: string; key: string; n: number; counts: number[] }>();
  for (const r of aggregated) byKey.set(`${r.center_id}|${r.key}|${r.n}`, { center_id: r.center_id, key: r.key, n: r.n, counts: RETENTION_COLUMNS.map((c) => r[c]) });
  const at = (centerId: string, key: string, n: number) => {
    const k = `${centerId}|${key}|${n}`;
    let row = byKey.get(k);
    if (!row) byKey.set(k, (row = { center_id: centerId, key, n, counts: [0, 0, 0, 0, 0, 0] }));
    return row;
  };
  for (const l of late) {
    const recorded = outcomeIndex(l.outcome);
    const fallback = outcomeIndex(l.fallback)!;
    const counted = at(l.center_id, l.key, l.n);
    counted.counts[0] -= l.count;
    if (recorded !== undefined) counted.counts[recorded] -= l.count;
    const asOf = at(l.center_id, dimension === 'program' ? NO_PROGRAM : l.key, l.n);
    asOf.counts[0] += l.count;
    asOf.counts[fallback] += l.count;
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
