import { DataSource } from 'typeorm';
import {
  COUNSELING_CHANNELS,
  OCCUPATION_GROUP_CODES,
  PLACEMENT_CHANNELS,
  PLACEMENT_EMPLOYMENT_TYPES,
  AGREEMENT_KINDS,
} from '@saeil/contracts';
import { WAGE_BAND_KEYS } from '../domain/wage-bands';

/**
 * Counts of the fact tables per center, as of a position. Every figure of the statistics is one
 * of these counts, or a rate of two of them: the rollup sums counts center → region → nation and
 * recomputes the rates, so every level is exactly the sum of its parts.
 *
 * A person counted once (employed clients, post-management beneficiaries) is attributed to one
 * center before anything is summed — the center of her first placement in the period, of her
 * first follow-up with support in the period — so that distinct persons add up too.
 */

export type Counts = Record<string, number>;

/** The three groups of figures; a query counts only the groups it needs. */
export const FIGURE_PARTS = ['retention', 'employment', 'activity'] as const;
export type FigurePart = (typeof FIGURE_PARTS)[number];

export const MILESTONES = [1, 2, 3] as const;
export const RETENTION_COUNTS = [
  'eligible',
  'sameEmployer',
  'otherEmployer',
  'notEmployed',
  'unreachable',
  'unverified',
  'employed',
] as const;
export type RetentionCount = (typeof RETENTION_COUNTS)[number];

/** The key of a milestone's count, e.g. 'm1.eligible'. */
export const retentionKey = (n: number, count: RetentionCount) => `m${n}.${count}`;

export const BREAKDOWNS = {
  placementsByEmploymentType: PLACEMENT_EMPLOYMENT_TYPES,
  placementsByOccupationGroup: OCCUPATION_GROUP_CODES,
  placementsByWageBand: WAGE_BAND_KEYS,
  placementsByChannel: PLACEMENT_CHANNELS,
  counselingSessionsByChannel: COUNSELING_CHANNELS,
  agreementsByKind: AGREEMENT_KINDS,
} as const;
export type Breakdown = keyof typeof BREAKDOWNS;

export const PLAIN_COUNTS = [
  'clientsRegistered',
  'employedClients',
  'placements',
  'trainingCompleters',
  'trainingCompletersEmployed',
  'internshipConversions',
  'startups',
  'groupProgramAttendances',
  'outreachEvents',
  'outreachContacts',
  'agreementsSigned',
  'councilMeetings',
  'jobFairs',
  'retentionBeneficiaries',
] as const;

export const COUNT_KEYS: string[] = [
  ...PLAIN_COUNTS,
  ...Object.entries(BREAKDOWNS).flatMap(([name, keys]) => (keys as readonly string[]).map((k) => `${name}.${k}`)),
  ...MILESTONES.flatMap((n) => RETENTION_COUNTS.map((c) => retentionKey(n, c))),
];

export const RATES = {
  trainingEmploymentRate: { numerator: 'trainingCompletersEmployed', denominator: 'trainingCompleters' },
  ...Object.fromEntries(
    MILESTONES.flatMap((n) => [
      [`m${n}.retentionRate`, { numerator: retentionKey(n, 'sameEmployer'), denominator: retentionKey(n, 'eligible') }],
      [`m${n}.anyEmployerRate`, { numerator: retentionKey(n, 'employed'), denominator: retentionKey(n, 'eligible') }],
      [`m${n}.unverifiedShare`, { numerator: retentionKey(n, 'unverified'), denominator: retentionKey(n, 'eligible') }],
    ]),
  ),
} as Record<string, { numerator: string; denominator: string }>;

export interface FactFilter {
  asOfPosition: number;
  from: string;
  to: string;
  /** Retention: milestones due and follow-ups contacted on or before this day. */
  asOfDate: string;
  /** Only these centers; null = every center. */
  centerIds: string[] | null;
  /** Retention: placements started in the period, or milestones dated in it (RETENTION_COHORTS). */
  retentionCohort: 'placement_start' | 'milestone_date';
}

/** Retention dimensions other than center and region, as SQL over p (placement) and f (follow-up). */
export const NO_PROGRAM = 'none';
const DIMENSION_SQL: Record<string, string> = {
  none: `''`,
  program: `coalesce(f.program_id, '${NO_PROGRAM}')`,
  employmentType: 'p.employment_type',
  occupationGroup: 'p.occupation_group',
  placementMonth: `to_char(p.start_on, 'YYYY-MM')`,
};

/** A placement counts as of P when it started at or before P and was not voided by P. */
const LIVE = `p.position <= $1 AND (p.voided_position IS NULL OR p.voided_position > $1)`;

export class FactCounts {
  constructor(
    private readonly dataSource: DataSource,
    /** Employed within this many months of completion (GLOSSARY: training employment rate; TRAINING_EMPLOYMENT_WITHIN_MONTHS). */
    private readonly trainingWithinMonths: number,
  ) {}

  /** Every count, per center. */
  /** The counts of the parts asked for, per center (the others are left out: zeros after the rollup). */
  async perCenter(filter: FactFilter, parts: readonly FigurePart[] = FIGURE_PARTS): Promise<Map<string, Counts>> {
    const out = new Map<string, Counts>();
    const add = (centerId: string, key: string, value: number) => {
      const counts = out.get(centerId) ?? {};
      counts[key] = (counts[key] ?? 0) + value;
      out.set(centerId, counts);
    };
    const employment = parts.includes('employment');
    const activity = parts.includes('activity');
    const none = Promise.resolve([]);
    // The queries run side by side, each on its own pooled connection.
    const [clients, placements, employed, activities, training, beneficiaries, retention] = await Promise.all([
      employment ? this.clients(filter) : none,
      employment ? this.placements(filter) : none,
      employment ? this.employedClients(filter) : none,
      employment || activity ? this.activities(filter) : none,
      employment ? this.training(filter) : none,
      activity ? this.beneficiaries(filter) : none,
      parts.includes('retention') ? this.retention(filter, 'none') : none,
    ]);
    for (const r of clients) add(r.center_id, 'clientsRegistered', r.n);
    for (const r of placements) {
      if (r.employment_type) add(r.center_id, `placementsByEmploymentType.${r.employment_type}`, r.n);
      else if (r.occupation_group) add(r.center_id, `placementsByOccupationGroup.${r.occupation_group}`, r.n);
      else if (r.wage_band) add(r.center_id, `placementsByWageBand.${r.wage_band}`, r.n);
      else if (r.channel) add(r.center_id, `placementsByChannel.${r.channel}`, r.n);
      else add(r.center_id, 'placements', r.n);
    }
    for (const r of employed) add(r.center_id, 'employedClients', r.n);
    for (const r of activities) {
      switch (r.kind) {
        case 'counseling_session':
          add(r.center_id, `counselingSessionsByChannel.${r.detail}`, r.events);
          break;
        case 'group_attendance':
          add(r.center_id, 'groupProgramAttendances', r.amount);
          break;
        case 'outreach_event':
          add(r.center_id, 'outreachEvents', r.events);
          add(r.center_id, 'outreachContacts', r.amount);
          break;
        case 'agreement_signed':
          add(r.center_id, 'agreementsSigned', r.events);
          add(r.center_id, `agreementsByKind.${r.detail}`, r.events);
          break;
        case 'council_meeting':
          add(r.center_id, 'councilMeetings', r.events);
          break;
        case 'job_fair':
          add(r.center_id, 'jobFairs', r.events);
          break;
        case 'internship_conversion':
          add(r.center_id, 'internshipConversions', r.events);
          break;
        case 'startup':
          add(r.center_id, 'startups', r.events);
          break;
      }
    }
    for (const r of training) {
      add(r.center_id, 'trainingCompleters', r.completers);
      add(r.center_id, 'trainingCompletersEmployed', r.employed);
    }
    for (const r of beneficiaries) add(r.center_id, 'retentionBeneficiaries', r.n);
    for (const r of retention)
      for (const [key, value] of Object.entries(retentionCountsOf(r))) add(r.center_id, key, value);
    return out;
  }

  /** Retention counts per dimension value and center (program, employment type, occupation group, placement month). */
  async retentionBy(
    filter: FactFilter,
    dimension: 'program' | 'employmentType' | 'occupationGroup' | 'placementMonth',
  ): Promise<Map<string, Map<string, Counts>>> {
    const out = new Map<string, Map<string, Counts>>();
    for (const r of await this.retention(filter, dimension)) {
      const byCenter = out.get(r.key) ?? new Map<string, Counts>();
      const counts = byCenter.get(r.center_id) ?? {};
      for (const [key, value] of Object.entries(retentionCountsOf(r))) counts[key] = (counts[key] ?? 0) + value;
      byCenter.set(r.center_id, counts);
      out.set(r.key, byCenter);
    }
    return out;
  }

  private clients(f: FactFilter): Promise<{ center_id: string; n: number }[]> {
    return this.dataSource.query(
      `SELECT center_id, count(*)::int AS n FROM rm_stat_clients
        WHERE registered_on BETWEEN $2::date AND $3::date AND position <= $1 AND ($4::text[] IS NULL OR center_id = ANY($4))
        GROUP BY center_id`,
      [f.asOfPosition, f.from, f.to, f.centerIds],
    );
  }

  private placements(f: FactFilter): Promise<
    {
      center_id: string;
      employment_type: string | null;
      occupation_group: string | null;
      wage_band: string | null;
      channel: string | null;
      n: number;
    }[]
  > {
    return this.dataSource.query(
      `SELECT center_id, employment_type, occupation_group, wage_band, channel, count(*)::int AS n FROM rm_stat_placements p
        WHERE p.start_on BETWEEN $2::date AND $3::date AND ${LIVE} AND ($4::text[] IS NULL OR p.center_id = ANY($4))
        GROUP BY GROUPING SETS ((center_id), (center_id, employment_type), (center_id, occupation_group), (center_id, wage_band), (center_id, channel))`,
      [f.asOfPosition, f.from, f.to, f.centerIds],
    );
  }

  /** Each client once, at the center of her first placement of the period (then filtered to the scope). */
  private employedClients(f: FactFilter): Promise<{ center_id: string; n: number }[]> {
    return this.dataSource.query(
      `SELECT center_id, count(*)::int AS n FROM (
         SELECT DISTINCT ON (p.client_id) p.client_id, p.center_id FROM rm_stat_placements p
          WHERE p.start_on BETWEEN $2::date AND $3::date AND ${LIVE}
          ORDER BY p.client_id, p.start_on, p.position) first_placement
        WHERE ($4::text[] IS NULL OR center_id = ANY($4))
        GROUP BY center_id`,
      [f.asOfPosition, f.from, f.to, f.centerIds],
    );
  }

  private activities(
    f: FactFilter,
  ): Promise<{ center_id: string; kind: string; detail: string | null; events: number; amount: number }[]> {
    return this.dataSource.query(
      `SELECT center_id, kind, detail, count(*)::int AS events, sum(amount)::int AS amount FROM rm_stat_activities
        WHERE occurred_on BETWEEN $2::date AND $3::date AND position <= $1 AND kind <> 'training_completion' AND ($4::text[] IS NULL OR center_id = ANY($4))
        GROUP BY center_id, kind, detail`,
      [f.asOfPosition, f.from, f.to, f.centerIds],
    );
  }

  /** Completions of the period, and those followed by a placement starting within N months of completion (completion day included). */
  private training(f: FactFilter): Promise<{ center_id: string; completers: number; employed: number }[]> {
    return this.dataSource.query(
      `SELECT a.center_id, count(*)::int AS completers,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM rm_stat_placements p
                 WHERE p.client_id = a.client_id AND ${LIVE}
                   AND p.start_on >= a.occurred_on AND p.start_on <= (a.occurred_on + make_interval(months => $5::int))::date))::int AS employed
         FROM rm_stat_activities a
        WHERE a.kind = 'training_completion' AND a.occurred_on BETWEEN $2::date AND $3::date AND a.position <= $1 AND ($4::text[] IS NULL OR a.center_id = ANY($4))
        GROUP BY a.center_id`,
      [f.asOfPosition, f.from, f.to, f.centerIds, this.trainingWithinMonths],
    );
  }

  /** Each client once, at the placement center of her first follow-up with support in the period. */
  private beneficiaries(f: FactFilter): Promise<{ center_id: string; n: number }[]> {
    return this.dataSource.query(
      `SELECT center_id, count(*)::int AS n FROM (
         SELECT DISTINCT ON (fu.client_id) fu.client_id, p.center_id
           FROM rm_stat_follow_ups fu JOIN rm_stat_placements p ON p.placement_id = fu.placement_id
          WHERE fu.with_support AND fu.contacted_on BETWEEN $2::date AND $3::date AND fu.position <= $1 AND ${LIVE}
          ORDER BY fu.client_id, fu.contacted_on, fu.position) first_support
        WHERE ($4::text[] IS NULL OR center_id = ANY($4))
        GROUP BY center_id`,
      [f.asOfPosition, f.from, f.to, f.centerIds],
    );
  }

  /**
   * The glossary's retention over the cohort of placements started in the period (or, with
   * retentionCohort = milestone_date, over the milestones dated in the period): a milestone is
   * eligible when its date is on or before asOfDate and the placement was not voided; its outcome
   * is the follow-up recorded for it (contacted by asOfDate), else not employed when an end dated
   * before the milestone was recorded, else unverified.
   */
  private retention(f: FactFilter, dimension: keyof typeof DIMENSION_SQL): Promise<RetentionRow[]> {
    return this.dataSource.query(
      `SELECT p.center_id, ${DIMENSION_SQL[dimension]} AS key, m.n,
              count(*)::int AS eligible,
              count(*) FILTER (WHERE o.outcome = 'employed_same_employer')::int AS same_employer,
              count(*) FILTER (WHERE o.outcome = 'employed_other_employer')::int AS other_employer,
              count(*) FILTER (WHERE o.outcome = 'not_employed')::int AS not_employed,
              count(*) FILTER (WHERE o.outcome = 'unreachable')::int AS unreachable,
              count(*) FILTER (WHERE o.outcome = 'unverified')::int AS unverified
         FROM rm_stat_placements p
        CROSS JOIN LATERAL (VALUES (1, p.m1_on), (2, p.m2_on), (3, p.m3_on)) AS m(n, due_on)
         LEFT JOIN rm_stat_follow_ups f ON f.placement_id = p.placement_id AND f.n = m.n AND f.position <= $1 AND f.contacted_on <= $5::date
        CROSS JOIN LATERAL (SELECT coalesce(f.outcome, CASE WHEN p.ended_position <= $1 AND p.ended_on < m.due_on THEN 'not_employed' END, 'unverified') AS outcome) o
        WHERE ${f.retentionCohort === 'milestone_date' ? 'm.due_on BETWEEN $2::date AND $3::date' : 'p.start_on BETWEEN $2::date AND $3::date'}
          AND ${LIVE} AND m.due_on <= $5::date AND ($4::text[] IS NULL OR p.center_id = ANY($4))
        GROUP BY 1, 2, 3`,
      [f.asOfPosition, f.from, f.to, f.centerIds, f.asOfDate],
    );
  }
}

interface RetentionRow {
  center_id: string;
  key: string;
  n: number;
  eligible: number;
  same_employer: number;
  other_employer: number;
  not_employed: number;
  unreachable: number;
  unverified: number;
}

function retentionCountsOf(r: RetentionRow): Counts {
  const n = Number(r.n);
  return {
    [retentionKey(n, 'eligible')]: r.eligible,
    [retentionKey(n, 'sameEmployer')]: r.same_employer,
    [retentionKey(n, 'otherEmployer')]: r.other_employer,
    [retentionKey(n, 'notEmployed')]: r.not_employed,
    [retentionKey(n, 'unreachable')]: r.unreachable,
    [retentionKey(n, 'unverified')]: r.unverified,
    [retentionKey(n, 'employed')]: r.same_employer + r.other_employer,
  };
}
