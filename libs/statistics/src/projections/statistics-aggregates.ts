import type { ActivityKind } from '../domain/facts';

/**
 * Pre-aggregated counts of the statistics, kept by the projection in the transaction that writes
 * the facts (and by the rebuild, which applies the same code), so a "current" figure sums a few
 * thousand rows instead of counting facts. Every aggregate is a sum of per-fact contributions
 * under the fact tables as they stand now (every fact applied, none voided): it answers a figure
 * as of the projection's own position, never as of an earlier one — a frozen report's
 * `asOfPosition` is counted from the facts (libs/statistics/src/queries/fact-counts.ts).
 *
 * Each contribution is kept twice, per day (`grain` 'd', `bucket` the day) and per month (`grain`
 * 'm', `bucket` the first of the month): a period sums its whole months and the days at its edges.
 *
 * - `rm_stat_agg_counts` (center × bucket, its counts by key in one JSON object): clientsRegistered, placements and their
 *   breakdowns (by start day), activities (by their day), trainingCompleters and
 *   trainingEmployedWithin.<m> (by completion day, see below), supportedFollowUps (follow-ups with support of a live
 *   placement, by contact day, at the placement's center).
 * - `rm_stat_agg_retention` (cohort × bucket × center × n × dimension value): every live
 *   milestone as if each follow-up recorded counted, once by its placement's start day (cohort
 *   'start') and once by its milestone day (cohort 'due'), under the dimensions none, program,
 *   employmentType and occupationGroup. The query takes out what a follow-up contacted after the
 *   as-of day adds (from the facts: few rows, `rm_stat_follow_ups_late`).
 * - Distinct persons are counts minus repeats: employed clients = placements of the period minus
 *   those whose client's previous live placement (by start day, position) started in the period
 *   too (`rm_stat_placement_repeats`); beneficiaries likewise with her supported follow-ups
 *   (`rm_stat_support_repeats`). Each then counts once, at the center of her first of the period.
 *
 * A placement, her follow-ups and her training completions interact (a void, an end, a follow-up
 * arriving before its placement in Kafka mode), so their contributions are kept per client: the
 * projection computes her contributions before and after the fact changes and applies the
 * difference. Registrations and the other activities stand alone: added when their row is new.
 */

export type TableName = (logical: string) => string;

export const AGGREGATE_TABLES = ['rm_stat_agg_counts', 'rm_stat_agg_retention', 'rm_stat_placement_repeats', 'rm_stat_support_repeats'];

/** Retention outcome columns of rm_stat_agg_retention, in order, after `eligible`. */
export const OUTCOME_COLUMNS = ['same_employer', 'other_employer', 'not_employed', 'unreachable', 'unverified'] as const;
const OUTCOME_INDEX: Record<string, number> = {
  employed_same_employer: 1,
  employed_other_employer: 2,
  not_employed: 3,
  unreachable: 4,
  unverified: 5,
};
/** The column (index into [eligible, ...OUTCOME_COLUMNS]) an outcome counts in; none for an outcome the statistics do not know. */
export const outcomeIndex = (outcome: string): number | undefined => OUTCOME_INDEX[outcome];

/** The retention dimensions kept (center and region come from center_id, placementMonth from the bucket). */
export const AGGREGATE_DIMENSIONS = ['none', 'program', 'employmentType', 'occupationGroup'] as const;

/** The counts an activity adds (the keys FactCounts gives it); training completions are kept per client instead. */
export function activityCountKeys(kind: string, detail: string | null, events: number, amount: number): [string, number][] {
  switch (kind as ActivityKind) {
    case 'counseling_session':
      return [[`counselingSessionsByChannel.${detail}`, events]];
    case 'group_attendance':
      return [['groupProgramAttendances', amount]];
    case 'outreach_event':
      return [
        ['outreachEvents', events],
        ['outreachContacts', amount],
      ];
    case 'agreement_signed':
      return [
        ['agreementsSigned', events],
        [`agreementsByKind.${detail}`, events],
      ];
    case 'council_meeting':
      return [['councilMeetings', events]];
    case 'job_fair':
      return [['jobFairs', events]];
    case 'internship_conversion':
      return [['internshipConversions', events]];
    case 'startup':
      return [['startups', events]];
    default:
      return [];
  }
}

/**
 * A completion is kept under the fewest months within which a live placement of hers started
 * (`trainingEmployedWithin.<m>`, 1–24, the range of TRAINING_EMPLOYMENT_WITHIN_MONTHS), so the
 * setting is applied when queried: employed = the sum over m up to it.
 */
export const TRAINING_EMPLOYED_WITHIN = 'trainingEmployedWithin.';
export const MAX_TRAINING_MONTHS = 24;

/**
 * The counts her placements, training completions and supported follow-ups contribute:
 * (center_id, day, key, value). `$1` her client ids (null: every client).
 */
export function clientCountsSql(t: TableName): string {
  const P = t('rm_stat_placements');
  const A = t('rm_stat_activities');
  const F = t('rm_stat_follow_ups');
  return `
    SELECT p.center_id, p.start_on::text AS day, k.key, 1 AS value
      FROM ${P} p
     CROSS JOIN LATERAL (VALUES ('placements'), ('placementsByEmploymentType.' || p.employment_type), ('placementsByOccupationGroup.' || p.occupation_group),
                                ('placementsByWageBand.' || p.wage_band), ('placementsByChannel.' || p.channel)) AS k(key)
     WHERE ($1::uuid[] IS NULL OR p.client_id = ANY($1)) AND p.voided_position IS NULL
    UNION ALL
    SELECT a.center_id, a.occurred_on::text, 'trainingCompleters', 1
      FROM ${A} a
     WHERE a.kind = 'training_completion' AND ($1::uuid[] IS NULL OR a.client_id = ANY($1))
    UNION ALL
    SELECT a.center_id, a.occurred_on::text, '${TRAINING_EMPLOYED_WITHIN}' || w.m, 1
      FROM ${A} a
     CROSS JOIN LATERAL (SELECT min(p.start_on) AS first_start FROM ${P} p
                          WHERE p.client_id = a.client_id AND p.voided_position IS NULL AND p.start_on >= a.occurred_on) fp
     CROSS JOIN LATERAL (SELECT min(m) AS m FROM generate_series(1, ${MAX_TRAINING_MONTHS}) AS m
                          WHERE fp.first_start <= (a.occurred_on + make_interval(months => m))::date) w
     WHERE a.kind = 'training_completion' AND ($1::uuid[] IS NULL OR a.client_id = ANY($1)) AND w.m IS NOT NULL
    UNION ALL
    SELECT p.center_id, f.contacted_on::text, 'supportedFollowUps', 1
      FROM ${F} f JOIN ${P} p ON p.placement_id = f.placement_id
     WHERE f.with_support AND ($1::uuid[] IS NULL OR f.client_id = ANY($1)) AND p.voided_position IS NULL`;
}

/**
 * Every live milestone of her placements, under each cohort and dimension: (cohort, day,
 * center_id, n, dim, value, outcome). The outcome as if every follow-up recorded counted (as of
 * an as-of day at or after its contact); `$1` her client ids (null: every client).
 */
export function clientMilestonesSql(t: TableName): string {
  const P = t('rm_stat_placements');
  const F = t('rm_stat_follow_ups');
  return `
    SELECT c.cohort, c.day::text AS day, p.center_id, m.n, d.dim, d.value, o.outcome
      FROM ${P} p
     CROSS JOIN LATERAL (VALUES (1, p.m1_on), (2, p.m2_on), (3, p.m3_on)) AS m(n, due_on)
      LEFT JOIN ${F} f ON f.placement_id = p.placement_id AND f.n = m.n
     CROSS JOIN LATERAL (SELECT coalesce(f.outcome, CASE WHEN p.ended_on < m.due_on THEN 'not_employed' END, 'unverified') AS outcome) o
     CROSS JOIN LATERAL (VALUES ('start', p.start_on), ('due', m.due_on)) AS c(cohort, day)
     CROSS JOIN LATERAL (VALUES ('none', ''), ('program', coalesce(f.program_id, 'none')), ('employmentType', p.employment_type), ('occupationGroup', p.occupation_group)) AS d(dim, value)
     WHERE ($1::uuid[] IS NULL OR p.client_id = ANY($1)) AND p.voided_position IS NULL`;
}

/** Her live placements after the first (by start day, position), with the start of the one before. `$1` as above. */
export function placementRepeatsSql(t: TableName, clients = '$1'): string {
  return `
    SELECT placement_id, client_id, center_id, start_on, prev_start_on FROM (
      SELECT p.placement_id, p.client_id, p.center_id, p.start_on,
             lag(p.start_on) OVER (PARTITION BY p.client_id ORDER BY p.start_on, p.position) AS prev_start_on
        FROM ${t('rm_stat_placements')} p
       WHERE (${clients}::uuid[] IS NULL OR p.client_id = ANY(${clients})) AND p.voided_position IS NULL) x
     WHERE prev_start_on IS NOT NULL`;
}

/** Her supported follow-ups of live placements after the first (by contact day, position), with the contact day of the one before. */
export function supportRepeatsSql(t: TableName, clients = '$1'): string {
  return `
    SELECT placement_id, n, client_id, center_id, contacted_on, prev_contacted_on FROM (
      SELECT f.placement_id, f.n, f.client_id, p.center_id, f.contacted_on,
             lag(f.contacted_on) OVER (PARTITION BY f.client_id ORDER BY f.contacted_on, f.position) AS prev_contacted_on
        FROM ${t('rm_stat_follow_ups')} f JOIN ${t('rm_stat_placements')} p ON p.placement_id = f.placement_id
       WHERE f.with_support AND (${clients}::uuid[] IS NULL OR f.client_id = ANY(${clients})) AND p.voided_position IS NULL) x
     WHERE prev_contacted_on IS NOT NULL`;
}

export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

type Query = (text: string, params?: unknown[]) => Promise<any[]>;

/** Counts to add: `center|day|key` → value. */
export type CountDelta = Map<string, number>;
/** Retention to add: `cohort|day|center|n|dim|value` → [eligible, ...outcomes]. */
export type RetentionDelta = Map<string, number[]>;

export function addCount(delta: CountDelta, centerId: string, day: string, key: string, value: number): void {
  if (value === 0) return;
  const k = `${centerId}|${day}|${key}`;
  delta.set(k, (delta.get(k) ?? 0) + value);
}

function addMilestone(delta: RetentionDelta, r: { cohort: string; day: string; center_id: string; n: number; dim: string; value: string; outcome: string }, sign: number): void {
  const k = `${r.cohort}|${r.day}|${r.center_id}|${r.n}|${r.dim}|${r.value}`;
  const counts = delta.get(k) ?? [0, 0, 0, 0, 0, 0];
  counts[0] += sign;
  const i = outcomeIndex(r.outcome);
  if (i !== undefined) counts[i] += sign;
  delta.set(k, counts);
}

/** Collects the parameters of one statement. */
export class StatementParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The upsert adding counts per day and per month: one row per center and bucket, its counts a
 * JSON object (key → count, zeros dropped), so a period reads a row per center and month.
 * Undefined when nothing changes. `guard`: a condition the rows are added under.
 */
export function countUpsertSql(p: StatementParams, t: TableName, delta: CountDelta, guard = 'true'): string | undefined {
  const rows = new Map<string, Record<string, number>>();
  for (const [k, v] of delta) {
    if (v === 0) continue;
    const [c, day, ...rest] = k.split('|');
    const name = rest.join('|');
    for (const row of [`d|${day}|${c}`, `m|${monthOf(day)}|${c}`]) {
      const counts = rows.get(row) ?? {};
      counts[name] = (counts[name] ?? 0) + v;
      rows.set(row, counts);
    }
  }
  if (rows.size === 0) return undefined;
  const [grain, bucket, center, counts]: string[][] = [[], [], [], []];
  for (const [row, c] of rows) {
    const [g, b, ...rest] = row.split('|');
    grain.push(g);
    bucket.push(b);
    center.push(rest.join('|'));
    counts.push(JSON.stringify(c));
  }
  return `INSERT INTO ${t('rm_stat_agg_counts')} AS a (grain, bucket, center_id, counts)
     SELECT g, b, c, d::jsonb FROM unnest(${p.add(grain)}::text[], ${p.add(bucket)}::date[], ${p.add(center)}::text[], ${p.add(counts)}::text[]) AS u(g, b, c, d) WHERE ${guard}
     ON CONFLICT (grain, bucket, center_id) DO UPDATE SET counts = coalesce((
       SELECT jsonb_object_agg(k, v) FROM (
         SELECT k, sum(v::int) AS v FROM (SELECT key, value FROM jsonb_each_text(a.counts) UNION ALL SELECT key, value FROM jsonb_each_text(EXCLUDED.counts)) AS x(k, v)
          GROUP BY k HAVING sum(v::int) <> 0) AS y), '{}'::jsonb)`;
}

/** Adds counts per day and per month, in one statement. */
export async function applyCountDelta(query: Query, t: TableName, delta: CountDelta): Promise<void> {
  const p = new StatementParams();
  const sql = countUpsertSql(p, t, delta);
  if (sql) await query(sql, p.values);
}

function retentionUpsertSql(p: StatementParams, t: TableName, delta: RetentionDelta): string | undefined {
  const cols: { cohort: string[]; grain: string[]; bucket: string[]; center: string[]; n: number[]; dim: string[]; value: string[]; counts: number[][] } = {
    cohort: [],
    grain: [],
    bucket: [],
    center: [],
    n: [],
    dim: [],
    value: [],
    counts: [[], [], [], [], [], []],
  };
  for (const [k, counts] of delta) {
    if (counts.every((c) => c === 0)) continue;
    const [cohort, day, center, n, dim, ...rest] = k.split('|');
    for (const [g, b] of [
      ['d', day],
      ['m', monthOf(day)],
    ]) {
      cols.cohort.push(cohort);
      cols.grain.push(g);
      cols.bucket.push(b);
      cols.center.push(center);
      cols.n.push(Number(n));
      cols.dim.push(dim);
      cols.value.push(rest.join('|'));
      counts.forEach((c, i) => cols.counts[i].push(c));
    }
  }
  if (cols.cohort.length === 0) return undefined;
  const names = ['eligible', ...OUTCOME_COLUMNS];
  const arrays = [
    `${p.add(cols.cohort)}::text[]`,
    `${p.add(cols.grain)}::text[]`,
    `${p.add(cols.bucket)}::date[]`,
    `${p.add(cols.center)}::text[]`,
    `${p.add(cols.n)}::smallint[]`,
    `${p.add(cols.dim)}::text[]`,
    `${p.add(cols.value)}::text[]`,
    ...cols.counts.map((c) => `${p.add(c)}::int[]`),
  ];
  return `INSERT INTO ${t('rm_stat_agg_retention')} AS a (cohort, grain, bucket, center_id, n, dim, value, ${names.join(', ')})
     SELECT co, g, b, c, n, d, v, ${names.map((x) => `sum(${x})`).join(', ')}
       FROM unnest(${arrays.join(', ')}) AS u(co, g, b, c, n, d, v, ${names.join(', ')})
      GROUP BY co, g, b, c, n, d, v
     ON CONFLICT (cohort, grain, bucket, center_id, n, dim, value) DO UPDATE SET ${names.map((x) => `${x} = a.${x} + EXCLUDED.${x}`).join(', ')}`;
}

/** Her contributions, counts and milestones, in one round trip. */
async function contributionsOf(query: Query, t: TableName, clientIds: string[], sign: number, counts: CountDelta, retention: RetentionDelta, milestones: boolean): Promise<void> {
  const [row] = await query(
    `SELECT (SELECT coalesce(json_agg(c), '[]'::json) FROM (${clientCountsSql(t)}) c) AS counts,
            ${milestones ? `(SELECT coalesce(json_agg(m), '[]'::json) FROM (${clientMilestonesSql(t)}) m)` : `'[]'::json`} AS milestones`,
    [clientIds],
  );
  for (const r of row.counts) addCount(counts, r.center_id, r.day, r.key, sign * r.value);
  for (const r of row.milestones) addMilestone(retention, r, sign);
}

/**
 * What a change can touch: an end moves milestones only; a training completion counts only; a
 * follow-up both and her supported follow-ups; a placement start or void everything.
 */
export interface ClientChange {
  milestones: boolean;
  placementRepeats: boolean;
  supportRepeats: boolean;
}

/**
 * Runs `write` (the fact change) between two readings of these clients' contributions and adds
 * the difference to the aggregates; then recomputes the repeats the change can touch.
 */
export async function maintainClients(query: Query, t: TableName, clientIds: string[], change: ClientChange, write: () => Promise<void>): Promise<void> {
  const counts: CountDelta = new Map();
  const retention: RetentionDelta = new Map();
  await contributionsOf(query, t, clientIds, -1, counts, retention, change.milestones);
  await write();
  await contributionsOf(query, t, clientIds, +1, counts, retention, change.milestones);
  // The aggregates and the repeats in one statement: its parts touch different rows.
  const p = new StatementParams();
  const parts = [countUpsertSql(p, t, counts), retentionUpsertSql(p, t, retention)];
  // Her ids are a parameter only when a repeats part uses them (an unused one has no type).
  const clients = change.placementRepeats || change.supportRepeats ? p.add(clientIds) : '';
  if (change.placementRepeats) {
    const table = t('rm_stat_placement_repeats');
    parts.push(
      `DELETE FROM ${table} WHERE client_id = ANY(${clients}) AND placement_id NOT IN (SELECT placement_id FROM (${placementRepeatsSql(t, clients)}) r)`,
      `INSERT INTO ${table} (placement_id, client_id, center_id, start_on, prev_start_on) ${placementRepeatsSql(t, clients)}
       ON CONFLICT (placement_id) DO UPDATE SET client_id = EXCLUDED.client_id, center_id = EXCLUDED.center_id, start_on = EXCLUDED.start_on, prev_start_on = EXCLUDED.prev_start_on`,
    );
  }
  if (change.supportRepeats) {
    const table = t('rm_stat_support_repeats');
    parts.push(
      `DELETE FROM ${table} WHERE client_id = ANY(${clients}) AND (placement_id, n) NOT IN (SELECT placement_id, n FROM (${supportRepeatsSql(t, clients)}) r)`,
      `INSERT INTO ${table} (placement_id, n, client_id, center_id, contacted_on, prev_contacted_on) ${supportRepeatsSql(t, clients)}
       ON CONFLICT (placement_id, n) DO UPDATE SET client_id = EXCLUDED.client_id, center_id = EXCLUDED.center_id, contacted_on = EXCLUDED.contacted_on, prev_contacted_on = EXCLUDED.prev_contacted_on`,
    );
  }
  const statements = parts.filter((x): x is string => x !== undefined);
  if (statements.length > 0) await query(`WITH ${statements.map((x, i) => `s${i} AS (${x} RETURNING 1)`).join(', ')} SELECT 1`, p.values);
}

/**
 * Fills every aggregate from the fact tables as they stand (the migration that adds them to a
 * database that already holds facts). Set-based: one statement per table.
 */
export async function fillAggregatesFromFacts(query: Query, t: TableName): Promise<void> {
  const grains = `CROSS JOIN (VALUES ('d'), ('m')) AS g(grain)`;
  const bucketOf = (day: string) => `CASE g.grain WHEN 'd' THEN ${day}::date ELSE date_trunc('month', ${day}::date)::date END`;
  await query(
    `INSERT INTO ${t('rm_stat_agg_counts')} (grain, bucket, center_id, counts)
     SELECT grain, bucket, center_id, jsonb_object_agg(key, value) FROM (
       SELECT g.grain, ${bucketOf('x.day')} AS bucket, x.center_id, x.key, sum(x.value) AS value FROM (
         ${clientCountsSql(t)}
         UNION ALL
         SELECT center_id, registered_on::text, 'clientsRegistered', 1 FROM ${t('rm_stat_clients')}
       ) x ${grains} GROUP BY 1, 2, 3, 4) s
     GROUP BY 1, 2, 3`,
    [null],
  );
  const activities: { center_id: string; day: string; kind: string; detail: string | null; events: number; amount: number }[] = await query(
    `SELECT center_id, occurred_on::text AS day, kind, detail, count(*)::int AS events, sum(amount)::int AS amount FROM ${t('rm_stat_activities')}
      WHERE kind <> 'training_completion' GROUP BY 1, 2, 3, 4`,
  );
  const delta: CountDelta = new Map();
  for (const a of activities) for (const [key, value] of activityCountKeys(a.kind, a.detail, a.events, a.amount)) addCount(delta, a.center_id, a.day, key, value);
  await applyCountDelta(query, t, delta);
  await query(
    `INSERT INTO ${t('rm_stat_agg_retention')} (cohort, grain, bucket, center_id, n, dim, value, eligible, ${OUTCOME_COLUMNS.join(', ')})
     SELECT x.cohort, g.grain, ${bucketOf('x.day')}, x.center_id, x.n, x.dim, x.value, count(*),
            ${OUTCOME_COLUMNS.map((c) => `count(*) FILTER (WHERE x.outcome = '${c === 'same_employer' || c === 'other_employer' ? `employed_${c}` : c}')`).join(', ')}
       FROM (${clientMilestonesSql(t)}) x ${grains} GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    [null],
  );
  await query(`INSERT INTO ${t('rm_stat_placement_repeats')} (placement_id, client_id, center_id, start_on, prev_start_on) ${placementRepeatsSql(t)}`, [null]);
  await query(`INSERT INTO ${t('rm_stat_support_repeats')} (placement_id, n, client_id, center_id, contacted_on, prev_contacted_on) ${supportRepeatsSql(t)}`, [null]);
}
