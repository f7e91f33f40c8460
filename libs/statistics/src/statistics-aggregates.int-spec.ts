import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { addMonths } from '@saeil/core';
import type { SaeilConfig } from '@saeil/config';
import type { StoredEvent } from '@saeil/event-store';
import { createDataSource, migrate } from '@saeil/database';
import { createTestDatabase, TestDatabase } from '../../../tests/support/env';
import { CentersDirectory } from './centers/centers-directory';
import { statisticsProjection } from './projections/statistics.projection';
import { AGGREGATE_TABLES, fillAggregatesFromFacts } from './projections/statistics-aggregates';
import { Statistics1732240870000 } from './migrations/1732240870000-statistics';
import { StatisticsAggregates1733700000000 } from './migrations/1733700000000-statistics-aggregates';
import { StatisticsQueries } from './queries/statistics.queries';
import { FactCounts } from './queries/fact-counts';
import { lastStartWithMilestoneBy, segmentsOf } from './queries/aggregate-counts';
import { employmentPersonCounts, publishEmployment, publishRetention, publishWithParts } from './publishing/published-figures';
import { RETENTION_DIMENSIONS, RetentionCohort, StatisticsAsOf, StatisticsPeriod, StatisticsScope } from './statistics-source';

/**
 * The pre-aggregated counts against the facts they summarise. For generated event sets —
 * placements ended, voided, followed up before and after their milestone day and before their
 * placement arrives (Kafka's order), repeat placements, training completions, activities, an
 * unlisted center — every figure read from the aggregates (the live path) must equal the same
 * figure counted from the facts (the asOfPosition path), for random scopes, periods (days and
 * whole months), cohorts, as-of days and breakdowns, suppressed as a reader above the center gets
 * them too. The aggregates the projection keeps event by event must also equal those the
 * migration computes from the facts at once.
 */

const CENTERS = ['center-naju', 'center-hwasun', 'center-jinju', 'center-gangnam', 'center-unlisted'];
const PROGRAMS = ['go-100', 'celebrate-13'];
const EMPLOYMENT_TYPES = ['regular', 'contract', 'part_time', 'daily', 'other'];
const OUTCOMES = ['employed_same_employer', 'employed_other_employer', 'not_employed', 'unreachable'];
const CHANNELS = ['in_center', 'phone', 'online', 'mobile_outreach', 'partner_institution'];

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const day = (from: string, days: number) => addDays(from, int(0, days));
  return { next, int, pick, day, chance: (p: number) => next() < p };
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Draft {
  type: string;
  data: Record<string, unknown>;
  centerId: string;
  occurredOn: string;
  /** Events of one stream keep their order when shuffled. */
  stream: string;
}

/** A story of clients in 2025-11 … 2026-09. */
function generate(seed: number): Draft[] {
  const r = random(seed);
  const drafts: Draft[] = [];
  for (let c = 0; c < 40; c++) {
    const clientId = randomUUID();
    const centerId = r.pick(CENTERS);
    const registeredOn = r.day('2025-11-01', 120);
    const stream = `client-${clientId}`;
    drafts.push({ type: 'ClientRegistered', data: { clientId, centerId }, centerId, occurredOn: registeredOn, stream });
    for (let s = r.int(0, 3); s > 0; s--) {
      drafts.push({ type: 'CounselingSessionRecorded', data: { clientId, occurredOn: r.day(registeredOn, 200), channel: r.pick(CHANNELS) }, centerId, occurredOn: registeredOn, stream: `s-${randomUUID()}` });
    }
    if (r.chance(0.3)) {
      drafts.push({ type: 'TrainingCompleted', data: { clientId, completedOn: r.day(registeredOn, 120), field: 'it' }, centerId: r.pick(CENTERS), occurredOn: registeredOn, stream: `course-${randomUUID()}` });
    }
    // Placements: most one, some two or three (repeat placements, possibly at another center after a transfer).
    const placements = r.chance(0.2) ? 0 : r.chance(0.7) ? 1 : r.int(2, 3);
    let start = r.day(registeredOn, 60);
    for (let p = 0; p < placements; p++) {
      const placementId = randomUUID();
      const pStream = `placements-${clientId}`;
      const placementCenter = r.chance(0.85) ? centerId : r.pick(CENTERS);
      // Month ends often, so clamped milestones are exercised.
      if (r.chance(0.25)) start = addDays(addMonths(`${start.slice(0, 7)}-01`, 1), -1);
      drafts.push({
        type: 'EmploymentStarted',
        data: { clientId, placementId, startOn: start, employmentType: r.pick(EMPLOYMENT_TYPES), occupationGroup: String(r.int(0, 9)), monthlyWage: r.int(15, 45) * 100_000, channel: r.pick(['center', 'self']) },
        centerId: placementCenter,
        occurredOn: start,
        stream: pStream,
      });
      if (r.chance(0.25)) drafts.push({ type: 'EmploymentEnded', data: { clientId, placementId, endedOn: r.day(start, 100) }, centerId: placementCenter, occurredOn: start, stream: pStream });
      if (r.chance(0.12)) drafts.push({ type: 'PlacementVoided', data: { clientId, placementId }, centerId: placementCenter, occurredOn: start, stream: pStream });
      for (const n of [1, 2, 3]) {
        if (!r.chance(0.7)) continue;
        const due = addMonths(start, n);
        drafts.push({
          type: 'FollowUpRecorded',
          data: {
            clientId,
            placementId,
            n,
            contactedOn: addDays(due, r.int(-7, 40)),
            outcome: r.pick(OUTCOMES),
            support: r.chance(0.5) ? ['counseling'] : [],
            ...(r.chance(0.4) ? { programId: r.pick(PROGRAMS) } : {}),
          },
          centerId: placementCenter,
          occurredOn: due,
          stream: `follow-ups-${placementId}`,
        });
      }
      start = r.day(start, 150);
    }
  }
  for (let a = 0; a < 30; a++) {
    const centerId = r.pick(CENTERS);
    const on = r.day('2025-11-01', 300);
    const kind = r.pick(['GroupSessionHeld', 'OutreachEventHeld', 'AgreementSigned', 'CouncilMeetingHeld', 'JobFairHeld', 'InternshipConverted', 'StartupStarted']);
    const data: Record<string, unknown> = {
      GroupSessionHeld: { heldOn: on, attendeeClientIds: [randomUUID()], walkInCount: r.int(0, 4) },
      OutreachEventHeld: { heldOn: on, walkInContacts: r.int(0, 9), registeredClientIds: [] },
      AgreementSigned: { signedOn: on, kind: r.pick(['women_friendly_company', 'institution_mou']), centerId },
      CouncilMeetingHeld: { heldOn: on, centerId },
      JobFairHeld: { heldOn: on, centerId },
      InternshipConverted: { convertedOn: on, clientId: randomUUID(), employmentType: 'regular' },
      StartupStarted: { startedOn: on, clientId: randomUUID() },
    }[kind]!;
    drafts.push({ type: kind, data, centerId, occurredOn: on, stream: `a-${randomUUID()}` });
  }
  // Kafka's order: streams interleave at random, each stream in its own order.
  const byStream = new Map<string, Draft[]>();
  for (const d of drafts) byStream.set(d.stream, [...(byStream.get(d.stream) ?? []), d]);
  const queues = [...byStream.values()];
  const out: Draft[] = [];
  while (queues.length > 0) {
    const i = r.int(0, queues.length - 1);
    out.push(queues[i].shift()!);
    if (queues[i].length === 0) queues.splice(i, 1);
  }
  return out;
}

describe('statistics aggregates (PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let aggregated: StatisticsQueries;
  let counted: StatisticsQueries;
  let position = 0;

  beforeAll(async () => {
    db = await createTestDatabase('statistics_aggregates');
    dataSource = createDataSource(db.url, [Statistics1732240870000, StatisticsAggregates1733700000000], 6);
    await dataSource.initialize();
    await migrate(dataSource);
    const directory = CentersDirectory.load(path.join(__dirname, '../../../config/centers.json'));
    const config = { TRAINING_EMPLOYMENT_WITHIN_MONTHS: 3 } as SaeilConfig;
    aggregated = new StatisticsQueries(dataSource, directory, config);
    counted = new StatisticsQueries(dataSource, directory, config);
    counted.readAggregates = false;
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  /** Applies drafts as the runner does: a batch per transaction, each event in a savepoint; positions in the given order. */
  async function apply(drafts: Draft[], options: { redeliver?: boolean } = {}): Promise<void> {
    for (let i = 0; i < drafts.length; i += 25) {
      await dataSource.transaction(async (manager) => {
        const ctx = { query: (text: string, params?: unknown[]) => manager.query(text, params), table: (name: string) => `"${name}"` };
        for (const d of drafts.slice(i, i + 25)) {
          const event = {
            eventId: randomUUID(),
            globalPosition: ++position,
            type: d.type,
            data: d.data,
            metadata: { centerId: d.centerId, occurredAt: `${d.occurredOn}T00:00:00Z` },
          } as unknown as StoredEvent;
          await statisticsProjection.apply(event, ctx);
          // A redelivery of a stream's event changes nothing (the runner skips it; the facts' keys would too).
          if (options.redeliver && (d.type === 'EmploymentStarted' || d.type === 'FollowUpRecorded')) await statisticsProjection.apply(event, ctx);
        }
      });
    }
  }

  function queriesFor(seed: number): { scope: StatisticsScope; period: StatisticsPeriod; asOf: StatisticsAsOf }[] {
    const r = random(seed * 7919);
    const out: { scope: StatisticsScope; period: StatisticsPeriod; asOf: StatisticsAsOf }[] = [];
    const scopes: StatisticsScope[] = [
      { level: 'nation' },
      { level: 'region', id: '전라남도' },
      { level: 'region', id: '미지정' },
      { level: 'center', id: 'center-naju' },
      { level: 'center', id: 'center-unlisted' },
    ];
    for (let q = 0; q < 24; q++) {
      let period: StatisticsPeriod;
      if (q % 3 === 0) {
        // A whole quarter or month, as reports ask.
        const month = addMonths('2025-12-01', r.int(0, 8));
        const months = r.pick([1, 3]);
        period = { from: month, to: addDays(addMonths(month, months), -1) };
      } else {
        const from = r.day('2025-11-01', 250);
        period = { from, to: r.day(from, r.pick([3, 40, 200])) };
      }
      const cohort: RetentionCohort = r.pick(['placement_start', 'milestone_date']);
      const asOfDate = r.chance(0.5) ? undefined : r.chance(0.5) ? r.day(period.to, 120) : r.day(period.from, 60);
      out.push({ scope: r.pick(scopes), period, asOf: { retentionCohort: cohort, ...(asOfDate ? { asOfDate } : {}) } });
    }
    return out;
  }

  async function expectSameFigures(seed: number): Promise<void> {
    const factsRead = jest.spyOn(FactCounts.prototype, 'perCenter');
    const factsBy = jest.spyOn(FactCounts.prototype, 'retentionBy');
    try {
      for (const { scope, period, asOf } of queriesFor(seed)) {
        const label = JSON.stringify({ seed, scope, period, asOf });
        factsRead.mockClear();
        factsBy.mockClear();
        const live = await aggregated.snapshot(scope, period, asOf);
        // The live read came from the aggregates, not from the facts.
        expect({ label, factReads: factsRead.mock.calls.length }).toEqual({ label, factReads: 0 });
        const exact = await counted.snapshot(scope, period, { ...asOf, asOfPosition: live.asOfPosition });
        expect({ label, ...live }).toEqual({ label, ...exact });

        for (const by of ['center', 'region'] as const) {
          if (scope.level === 'center') continue;
          const a = await aggregated.snapshotBy(by, scope, period, asOf);
          const f = await counted.snapshotBy(by, scope, period, { ...asOf, asOfPosition: a.snapshot.asOfPosition });
          expect({ label, by, ...a }).toEqual({ label, by, ...f });
          // Published as a reader above the center gets them: the same cells hidden.
          const parts = (x: typeof a) => x.rows.map((row) => ({ key: row.key, figures: row.figures.employment }));
          const publish = (x: typeof a) => publishWithParts(x.snapshot.employment, parts(x), employmentPersonCounts, (fig, forced) => publishEmployment(fig, 5, forced), 5);
          expect({ label, by, published: publish(a) }).toEqual({ label, by, published: publish(f) });
        }
        const breakdowns = [];
        const exactBreakdowns = [];
        for (const dimension of RETENTION_DIMENSIONS) {
          if (scope.level === 'center' && (dimension === 'center' || dimension === 'region')) continue;
          factsBy.mockClear();
          const rows = await aggregated.retentionBy(dimension, scope, period, { ...asOf, asOfPosition: live.asOfPosition });
          if (dimension !== 'center' && dimension !== 'region') expect({ label, dimension, factReads: factsBy.mock.calls.length }).toEqual({ label, dimension, factReads: 0 });
          const exactRows = await counted.retentionBy(dimension, scope, period, { ...asOf, asOfPosition: live.asOfPosition });
          expect({ label, dimension, rows }).toEqual({ label, dimension, rows: exactRows });
          breakdowns.push({ dimension, rows });
          exactBreakdowns.push({ dimension, rows: exactRows });
        }
        expect({ label, published: publishRetention(live.retention, breakdowns, 5) }).toEqual({ label, published: publishRetention(exact.retention, exactBreakdowns, 5) });
      }
    } finally {
      factsRead.mockRestore();
      factsBy.mockRestore();
    }
  }

  async function expectAggregatesAsIfFilledAtOnce(): Promise<void> {
    const tables = ['rm_stat_agg_counts', 'rm_stat_agg_retention', 'rm_stat_placement_repeats', 'rm_stat_support_repeats'];
    const contents = async () =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (table) => {
            const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM ${table}`);
            // What cancelled out leaves an empty row behind (counts {} or eligible 0); the fill writes none.
            const kept =
              table === 'rm_stat_agg_counts' ? rows.filter((r) => Object.keys(r.counts as object).length > 0) : table === 'rm_stat_agg_retention' ? rows.filter((r) => r.eligible !== 0) : rows;
            return [table, kept.map((r) => JSON.stringify(r)).sort()];
          }),
        ),
      );
    const incremental = await contents();
    await dataSource.transaction(async (manager) => {
      for (const table of tables) await manager.query(`DELETE FROM ${table}`);
      await fillAggregatesFromFacts((text, params) => manager.query(text, params), (name) => name);
    });
    expect(await contents()).toEqual(incremental);
  }

  it('lists every aggregate table with the projection, so a rebuild refills them', () => {
    for (const table of AGGREGATE_TABLES) expect(statisticsProjection.tables).toContain(table);
  });

  it('splits a period into whole months and edge days, and finds the last start whose milestone is due by a day', () => {
    expect(segmentsOf('2026-01-01', '2026-03-31')).toEqual({ months: ['2026-01-01', '2026-03-01'], days: [] });
    expect(segmentsOf('2025-11-21', '2026-11-20')).toEqual({ months: ['2025-12-01', '2026-10-01'], days: [['2025-11-21', '2025-11-30'], ['2026-11-01', '2026-11-20']] });
    expect(segmentsOf('2026-02-03', '2026-02-27')).toEqual({ months: null, days: [['2026-02-03', '2026-02-27']] });
    expect(segmentsOf('2026-02-03', '2026-03-30')).toEqual({ months: null, days: [['2026-02-03', '2026-03-30']] });
    expect(segmentsOf('2026-02-01', '2026-02-28')).toEqual({ months: ['2026-02-01', '2026-02-01'], days: [] });
    expect(segmentsOf('2026-03-02', '2026-03-01')).toEqual({ months: null, days: [] });
    expect(lastStartWithMilestoneBy('2026-03-31', 1)).toBe('2026-02-28');
    expect(lastStartWithMilestoneBy('2026-02-28', 1)).toBe('2026-01-31');
    expect(lastStartWithMilestoneBy('2026-03-15', 2)).toBe('2026-01-15');
    expect(lastStartWithMilestoneBy('2026-04-30', 3)).toBe('2026-01-31');
  });

  it.each([1, 2, 3])('answers every figure as the facts do, for generated events (seed %i)', async (seed) => {
    const drafts = generate(seed);
    const half = Math.floor(drafts.length / 2);
    await apply(drafts.slice(0, half), { redeliver: true });
    await expectSameFigures(seed * 100 + 1);
    const mid = position;
    await apply(drafts.slice(half));
    await expectSameFigures(seed * 100 + 2);
    await expectAggregatesAsIfFilledAtOnce();

    // A frozen report's position is counted from the facts: as of the middle, not as of now.
    const period = { from: '2025-11-01', to: '2026-09-30' };
    const then = await aggregated.snapshot({ level: 'nation' }, period, { asOfPosition: mid });
    expect(then).toEqual(await counted.snapshot({ level: 'nation' }, period, { asOfPosition: mid }));
    const now = await aggregated.snapshot({ level: 'nation' }, period);
    expect(then.employment.placements).toBeLessThan(now.employment.placements);
  });
});
