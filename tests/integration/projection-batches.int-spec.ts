import { DataSource } from 'typeorm';
import { SAEIL_MODULES } from '@saeil/app';
import { caseloadProjection, centerActivitiesProjection, timelineProjection } from '@saeil/case-views';
import { createDataSource, ident, migrate } from '@saeil/database';
import type { StoredEvent } from '@saeil/event-store';
import { Projection, ProjectionRunner } from '@saeil/projections';
import { followUpQueueProjection } from '@saeil/retention';
import { createTestDatabase, TestDatabase } from '../support/env';
import { generateHistory, GeneratedHistory } from './support/generated-history';
import {
  perEventCaseload,
  perEventCenterActivities,
  perEventFollowUpQueue,
  perEventTimeline,
} from './support/per-event-projections';

/**
 * The batch path (`applyBatch`: a batch's changes computed in memory, one statement per table)
 * gives the same read models as the projections' former code, which wrote each event with its
 * own statements: the same generated histories applied by the former code and by the batch code
 * in batches of 1, 7 and 500, in commit order (embedded feed, rebuild) and in a Kafka consumer's
 * order (contexts interleaved, redeliveries), compared row for row, with the same dead letters.
 *
 * Each way of applying writes into a schema of its own (copies of the read-model tables, of the
 * stream positions and of the dead letters), chosen by search_path: the projections name their
 * tables unqualified.
 */
const CASES: { key: keyof GeneratedHistory['poison']; batch: Projection; reference: Projection }[] = [
  { key: 'caseload', batch: caseloadProjection, reference: perEventCaseload },
  { key: 'timeline', batch: timelineProjection, reference: perEventTimeline },
  { key: 'followUpQueue', batch: followUpQueueProjection, reference: perEventFollowUpQueue },
  { key: 'centerActivities', batch: centerActivitiesProjection, reference: perEventCenterActivities },
];
const BATCH_SIZES = [1, 7, 500];

describe('projections applied in batches equal the same events applied one at a time', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const history = generateHistory(17, 120);

  beforeAll(async () => {
    db = await createTestDatabase('projection_batches');
    dataSource = createDataSource(
      db.url,
      SAEIL_MODULES.flatMap((m) => m.migrations),
      4,
    );
    await dataSource.initialize();
    await migrate(dataSource);
  }, 120_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  async function prepareSchema(schema: string, projection: Projection): Promise<void> {
    await dataSource.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
    await dataSource.query(`CREATE SCHEMA ${ident(schema)}`);
    for (const table of [...projection.tables, 'projection_stream_positions', 'dead_letters']) {
      await dataSource.query(
        `CREATE TABLE ${ident(schema)}.${ident(table)} (LIKE public.${ident(table)} INCLUDING ALL)`,
      );
    }
  }

  /** Applies the events in transactions of `batchSize` (Kafka: with the stream-position checks), as the feeds do. */
  async function applyAll(
    schema: string,
    projection: Projection,
    events: StoredEvent[],
    batchSize: number,
    dedupe: boolean,
  ): Promise<void> {
    await prepareSchema(schema, projection);
    const runner = new ProjectionRunner(projection, 'live', 3);
    const q = dataSource.createQueryRunner();
    await q.connect();
    try {
      await q.query(`SET search_path TO ${ident(schema)}, public`);
      for (let i = 0; i < events.length; i += batchSize) {
        await q.startTransaction();
        await runner.applyBatch(q, events.slice(i, i + batchSize), dedupe, 'spec');
        await q.commitTransaction();
      }
    } finally {
      await q.query('RESET search_path');
      await q.release();
    }
  }

  async function contents(schema: string, projection: Projection): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const table of projection.tables) {
      const rows: { row: unknown }[] = await dataSource.query(
        `SELECT to_jsonb(t) AS row FROM ${ident(schema)}.${ident(table)} t ORDER BY to_jsonb(t)::text`,
      );
      out[table] = rows.map((r) => r.row);
    }
    out.positions = await dataSource.query(
      `SELECT projection, stream_id, stream_version, global_position FROM ${ident(schema)}.projection_stream_positions ORDER BY stream_id`,
    );
    out.deadLetters = await dataSource.query(
      `SELECT projection, event_id, event_type, attempts FROM ${ident(schema)}.dead_letters ORDER BY event_id`,
    );
    return out;
  }

  for (const order of ['commitOrder', 'kafkaOrder'] as const) {
    for (const { key, batch, reference } of CASES) {
      it(`${batch.name}, ${order === 'commitOrder' ? 'in commit order' : "in a Kafka consumer's order, with redeliveries"}`, async () => {
        const events = history[order];
        const dedupe = order === 'kafkaOrder';
        const schema = (suffix: string) => `pb_${key.toLowerCase()}_${order === 'commitOrder' ? 'c' : 'k'}_${suffix}`;
        await applyAll(schema('ref'), reference, events, 50, dedupe);
        const expected = await contents(schema('ref'), reference);

        // The reference is not empty, and its dead letters are exactly the poison events.
        for (const table of batch.tables)
          expect(expected[table].length).toBeGreaterThan(table === 'rm_center_activities' ? 10 : 50);
        expect((expected.deadLetters as { event_id: string }[]).map((d) => d.event_id).sort()).toEqual(
          [...history.poison[key]].sort(),
        );

        for (const size of BATCH_SIZES) {
          await applyAll(schema(String(size)), batch, events, size, dedupe);
          const actual = await contents(schema(String(size)), batch);
          for (const part of Object.keys(expected)) {
            expect({ batchSize: size, part, rows: actual[part] }).toEqual({
              batchSize: size,
              part,
              rows: expected[part],
            });
          }
        }
      }, 240_000);
    }
  }

  it('covers what the batch code decides in memory: erasures, version 1 identities, placeholders, each follow-up status', async () => {
    const schema = 'pb_coverage';
    await applyAll(`${schema}_caseload`, caseloadProjection, history.kafkaOrder, 500, true);
    await applyAll(`${schema}_queue`, followUpQueueProjection, history.kafkaOrder, 500, true);
    await applyAll(`${schema}_activities`, centerActivitiesProjection, history.commitOrder, 500, false);
    const caseload: { erased: boolean; personal: string | null; legacy: boolean }[] = await dataSource.query(
      `SELECT erased_at IS NOT NULL AS erased, personal, personal NOT LIKE 'pd1.%' AS legacy FROM ${schema}_caseload.rm_caseload`,
    );
    const erased = caseload.filter((r) => r.erased);
    expect(erased.length).toBe(history.erasedClients.length);
    expect(erased.every((r) => r.personal === null)).toBe(true);
    // Version 1 identities merged with their updates by jsonb (the merged text has jsonb's spacing).
    expect(caseload.some((r) => r.legacy && r.personal?.includes('새이름') && r.personal.includes('", "'))).toBe(true);
    const clients: { erased: boolean; personal: string | null }[] = await dataSource.query(
      `SELECT erased_at IS NOT NULL AS erased, personal FROM ${schema}_queue.rm_follow_up_clients`,
    );
    expect(clients.filter((c) => c.erased).every((c) => c.personal === null)).toBe(true);
    expect(clients.filter((c) => c.erased).length).toBe(history.erasedClients.length);
    const statuses: { status: string }[] = await dataSource.query(
      `SELECT DISTINCT status FROM ${schema}_queue.rm_follow_ups ORDER BY status`,
    );
    expect(statuses.map((s) => s.status)).toEqual(['cancelled', 'closed', 'open', 'recorded']);
    const changed: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM ${schema}_activities.rm_center_activities WHERE details ? 'sessionNos' AND jsonb_array_length(details->'sessionNos') > 0`,
    );
    expect(changed[0].n).toBeGreaterThan(0);
  }, 240_000);
});
