import { randomBytes } from 'node:crypto';
import { startTestSaeil, TestSaeil } from '../../tests/support/app';
import { SeedOptions } from './plan';
import { seedSynthetic } from './seed';
import { openedPersonalData, vaultOf } from '../../tests/support/opened-events';

const OPTIONS: SeedOptions = {
  seed: 11,
  centers: 5,
  clients: 300,
  asOf: '2026-11-20',
  window: { daysBefore: 7, daysAfter: 14 },
};

/**
 * Everything the seed writes, in a comparable form (a course's creation is dated by the clock;
 * her identity opened, since each database seals it with its own keys and every seal has its iv).
 */
async function contentOf(saeil: TestSaeil) {
  const q = (sql: string) => saeil.runtime.dataSource.query(sql);
  const events: { event_type: string; data: unknown }[] = await q(
    `SELECT event_id::text, stream_id, stream_version, event_type, data, CASE WHEN event_type = 'TrainingCourseCreated' THEN NULL ELSE metadata END AS metadata
         FROM events ORDER BY stream_id, stream_version`,
  );
  return {
    events: await openedPersonalData(
      await vaultOf(saeil),
      events.map((e) => ({ ...e, type: e.event_type })),
    ),
    identityKeys: await q(`SELECT identity_key, client_id::text FROM client_identity_keys ORDER BY identity_key`),
    reactionKeys: await q(
      `SELECT idempotency_key, request_hash, result - 'globalPosition' AS result FROM idempotency_keys ORDER BY idempotency_key`,
    ),
  };
}

/**
 * The two databases are compared event by event, so both installations take one identity hash
 * key (each test app otherwise generates its own in its own data directory).
 */
const SHARED_KEYS = { IDENTITY_HASH_KEY: randomBytes(48).toString('base64') };

/** The keys this test app's api uses (its own data directory's generated ones): the seed seals with the same. */
const envOf = (app: TestSaeil): NodeJS.ProcessEnv => ({
  ...process.env,
  ...SHARED_KEYS,
  SAEIL_DATA_DIR: app.config.SAEIL_DATA_DIR,
});

describe('synthetic seed: stopped and rerun, it continues where it stopped and writes nothing twice', () => {
  let straight: TestSaeil;
  let resumed: TestSaeil;

  beforeAll(async () => {
    straight = await startTestSaeil({
      label: 'seed_straight',
      kafka: false,
      api: false,
      worker: false,
      env: SHARED_KEYS,
    });
    resumed = await startTestSaeil({
      label: 'seed_resumed',
      kafka: false,
      api: false,
      worker: false,
      env: SHARED_KEYS,
    });
  });
  afterAll(async () => {
    await straight?.dispose();
    await resumed?.dispose();
  });

  it('gives the same data set as one uninterrupted run, whatever the batch sizes', async () => {
    await seedSynthetic(straight.runtime.dataSource, OPTIONS, { env: envOf(straight), batchSize: 100 });

    // A crash after the third committed batch (the progress callback runs after each commit).
    let batches = 0;
    const crash = () => {
      if (++batches === 3) throw new Error('simulated crash');
    };
    await expect(
      seedSynthetic(resumed.runtime.dataSource, OPTIONS, { env: envOf(resumed), batchSize: 40, onProgress: crash }),
    ).rejects.toThrow('simulated crash');
    const [{ done }] = await resumed.runtime.dataSource.query(
      `SELECT clients_done AS done FROM seed_synthetic_progress`,
    );
    expect(done).toBe(80); // the courses' batch, then two batches of 40 clients
    const report = await seedSynthetic(resumed.runtime.dataSource, OPTIONS, { env: envOf(resumed), batchSize: 70 });
    expect(report.resumedAt).toBe(80);
    expect(report.clientsDone).toBe(300);

    const expected = await contentOf(straight);
    expect(expected.events.length).toBeGreaterThan(300 * 5);
    expect(expected.identityKeys).toHaveLength(600);
    // Every client has a data key, issued in the transaction of her batch (none left over from the crash's batches).
    const [{ keys }] = await resumed.runtime.dataSource.query(
      `SELECT count(*)::int AS keys FROM keystore.privacy_data_keys WHERE wrapped_key IS NOT NULL`,
    );
    expect(keys).toBe(300);
    expect(await contentOf(resumed)).toEqual(expected);
    const [{ n }] = await resumed.runtime.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    const [{ written }] = await resumed.runtime.dataSource.query(
      `SELECT events_written::int AS written FROM seed_synthetic_progress`,
    );
    expect(written).toBe(n);
  });

  it('refuses to extend a database seeded with another seed', async () => {
    await expect(
      seedSynthetic(straight.runtime.dataSource, { ...OPTIONS, seed: 12 }, { env: envOf(straight) }),
    ).rejects.toThrow('this database holds seed 11');
  });
});
