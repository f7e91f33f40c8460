import { todayInKorea } from '@saeil/core';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { QueryRunner } from 'typeorm';
import { describeKafka, waitFor } from '../../../../tests/support/env';
import { registerClient, startTestSaeil, TestSaeil } from '../../../../tests/support/app';
import { ADMINISTRATOR, api, Api, counselorOf, supervisorOf } from '../../../../tests/support/auth';
import { chain, GENESIS_HASH } from '../domain/hash-chain';
import { accessLogPurgeJob } from '../housekeeping/access-log-purge.job';
import { toEntry } from './access-log-verification';
import { anchorFilePath, anchoringFor } from './access-log-anchoring';
import { accessLogAnchorJob } from './access-log-anchor.job';
import { accessLogMacKey, MAC_KEY_FILE } from './mac-key';
import { keyFilePath } from '@saeil/config';
import type { WorkerServices } from '@saeil/runtime';

/**
 * The database's owner can bypass the append-only triggers and rewrite the 접속기록 however she
 * likes, hashes included. These tests do exactly that, each tampering as the owner on the real
 * PostgreSQL, and expect GET /access-log/verify to see it through the anchors published outside
 * the database (a file in the data directory, or the Kafka topic).
 */
function anchoredLogSuite(kafka: boolean) {
  let saeil: TestSaeil;
  let admin: Api;
  let backup = 0;
  let woman = 100;

  beforeAll(async () => {
    // Anchors only when a test publishes one (or the api stops): the tests decide what is anchored.
    saeil = await startTestSaeil({
      label: kafka ? 'anchors_kafka' : 'anchors_file',
      kafka,
      env: { ACCESS_LOG_ANCHOR_INTERVAL_MS: '86400000' },
    });
    admin = await api(saeil, ADMINISTRATOR);
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  const db = () => saeil.runtime.dataSource;
  const thisMonth = () => todayInKorea().slice(0, 7);
  const verify = async () => (await admin.get('/access-log/verify').query({ month: thisMonth() }).expect(200)).body;
  const services = (): WorkerServices => ({
    config: saeil.config,
    store: saeil.runtime.store,
    dataSource: db(),
    clock: saeil.runtime.clock,
    logger: saeil.runtime.logger,
    bus: saeil.runtime.bus,
  });
  const anchorNow = () => accessLogAnchorJob.run(services());
  const lastSeq = async (): Promise<number> =>
    Number((await db().query(`SELECT coalesce(max(seq), 0) AS n FROM access_log WHERE seq >= 1`))[0].n);
  /** Reads by two counselors of her center: rows to tamper with. */
  const someReads = async (n: number) => {
    const clientId = await registerClient(saeil, ++woman);
    const [kim, lee] = [await api(saeil, counselorOf('center-naju')), await api(saeil, supervisorOf('center-naju'))];
    for (let i = 0; i < n; i++) await (i % 2 ? kim : lee).get(`/clients/${clientId}/placements`).expect(200);
  };

  /** As the owner, on one connection, with the triggers bypassed (either way the owner can). */
  async function asOwner<T>(how: 'replica' | 'disable-trigger', work: (q: QueryRunner) => Promise<T>): Promise<T> {
    const q = db().createQueryRunner();
    await q.connect();
    try {
      await q.query(
        how === 'replica'
          ? `SET session_replication_role = replica`
          : `ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`,
      );
      return await work(q);
    } finally {
      await q.query(
        how === 'replica'
          ? `RESET session_replication_role`
          : `ALTER TABLE access_log ENABLE TRIGGER access_log_append_only`,
      );
      await q.release();
    }
  }

  /** The owner recomputes every hash from the genesis with the chain's own function, and sets the head to match. */
  async function recomputeWholeChain(q: QueryRunner): Promise<void> {
    const rows = (
      (await q.query(`SELECT * FROM access_log WHERE seq >= 1 ORDER BY seq`)) as Record<string, unknown>[]
    ).map(toEntry);
    const rechained = chain(
      GENESIS_HASH,
      rows.map(({ prevHash: _p, hash: _h, ...entry }) => entry),
    );
    for (const r of rechained)
      await q.query(`UPDATE access_log SET prev_hash = $2, hash = $3 WHERE seq = $1`, [r.seq, r.prevHash, r.hash]);
    const last = rechained[rechained.length - 1];
    await q.query(`UPDATE access_log_head SET seq = $1, hash = $2`, [last?.seq ?? 0, last?.hash ?? GENESIS_HASH]);
  }

  /** Runs a tampering, then puts the table back as it was (so each test starts from the honest log). */
  async function tampered(
    how: 'replica' | 'disable-trigger',
    tamper: (q: QueryRunner) => Promise<void>,
  ): Promise<Record<string, unknown>> {
    const copy = `access_log_copy_${++backup}`;
    await db().query(`CREATE TABLE ${copy} AS SELECT * FROM access_log`);
    const [head] = await db().query(`SELECT seq, hash FROM access_log_head`);
    try {
      await asOwner(how, tamper);
      return await verify();
    } finally {
      await asOwner('replica', async (q) => {
        await q.query(`DELETE FROM access_log`);
        await q.query(`INSERT INTO access_log SELECT * FROM ${copy}`);
        await q.query(`UPDATE access_log_head SET seq = $1, hash = $2`, [head.seq, head.hash]);
      });
      await db().query(`DROP TABLE ${copy}`);
    }
  }

  it('an untouched log verifies, and says how far the anchors vouch for it', async () => {
    await someReads(6);
    await anchorNow();
    const anchored = await lastSeq();
    expect(await verify()).toEqual({ ok: true, rows: anchored, anchoredThrough: anchored, anchors: 1 });
    // rows after the last anchor are checked by the chain alone, and the answer says so
    await someReads(2);
    const later = await verify();
    expect(later).toMatchObject({ ok: true, rows: await lastSeq(), anchoredThrough: anchored });
    expect(later.anchoredThrough).toBeLessThan(later.rows);
    await anchorNow();
    expect(await verify()).toEqual({ ok: true, rows: await lastSeq(), anchoredThrough: await lastSeq(), anchors: 2 });
    // where they are: the topic when Kafka is configured, else the file in the data directory
    const file = anchorFilePath(saeil.config.SAEIL_DATA_DIR);
    if (kafka) {
      expect(existsSync(file)).toBe(false);
      const [partition, ...others] = await saeil.runtime.bus!.partitionOffsets([
        saeil.runtime.topics.accessLogAnchors(),
      ]);
      expect(others).toEqual([]);
      expect(partition.high - partition.low).toBe(2);
    } else {
      expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    }
  });

  it.each([
    [1, 'replica'],
    [3, 'disable-trigger'],
  ] as const)(
    'deleting the last %i row(s) as the owner (%s), head set to match, is seen: truncated',
    async (k, how) => {
      await someReads(2);
      await anchorNow();
      const last = await lastSeq();
      const verdict = await tampered(how, async (q) => {
        await q.query(`DELETE FROM access_log WHERE seq > $1`, [last - k]);
        const [prev] = await q.query(`SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1`);
        await q.query(`UPDATE access_log_head SET seq = $1, hash = $2`, [prev.seq, prev.hash]);
      });
      expect(verdict).toMatchObject({
        ok: false,
        brokenAt: { seq: last - k + 1, problem: 'truncated' },
        anchoredThrough: last,
      });
      expect(verdict.reason).toEqual(expect.any(String));
      expect(await verify()).toMatchObject({ ok: true });
    },
  );

  it.each([
    [1, 'replica', false],
    [2, 'disable-trigger', false],
    [2, 'replica', true],
  ] as const)(
    'deleting the first %i row(s) as the owner (%s; renumbered and rehashed from the genesis: %s) is seen',
    async (k, how, renumber) => {
      await anchorNow();
      const verdict = await tampered(how, async (q) => {
        await q.query(`DELETE FROM access_log WHERE seq BETWEEN 1 AND $1`, [k]);
        if (renumber) {
          await q.query(`UPDATE access_log SET seq = seq - $1 WHERE seq > $1`, [k]);
          await recomputeWholeChain(q);
        }
      });
      expect(verdict).toMatchObject(
        renumber
          ? { ok: false, brokenAt: { problem: 'anchor' } }
          : { ok: false, brokenAt: { seq: 1, problem: 'genesis' } },
      );
    },
  );

  it.each(['replica', 'disable-trigger'] as const)(
    "rewriting one reader's rows and recomputing the whole chain as the owner (%s) is seen: the anchored head no longer matches",
    async (how) => {
      await someReads(4);
      await anchorNow();
      const [{ actor_id: reader }] = await db().query(
        `SELECT actor_id FROM access_log WHERE action = 'read.client-record' ORDER BY seq DESC LIMIT 1`,
      );
      const verdict = await tampered(how, async (q) => {
        await q.query(
          `UPDATE access_log SET actor_id = 'someone-else', source_address = '10.9.9.9' WHERE actor_id = $1`,
          [reader],
        );
        await recomputeWholeChain(q);
      });
      expect(verdict).toMatchObject({ ok: false, brokenAt: { problem: 'anchor' } });
      // the chain itself is whole again after the recompute: only the anchors can tell
      expect(verdict.reason).toMatch(/고정/);
    },
  );

  it('a refused read joins the chain like any other row, and the anchors vouch for it', async () => {
    const hwasun = await registerClient(saeil, 300, { centerId: 'center-hwasun' });
    await (await api(saeil, counselorOf('center-naju'))).get(`/cases/${hwasun}/timeline`).expect(404);
    const [row] = await db().query(`SELECT seq, outcome, subject_client_id FROM access_log ORDER BY seq DESC LIMIT 1`);
    expect(row).toMatchObject({ outcome: 'refused', subject_client_id: hwasun });
    await anchorNow();
    expect(await verify()).toMatchObject({ ok: true, anchoredThrough: Number(row.seq) });
    const verdict = await tampered('replica', async (q) => {
      await q.query(`DELETE FROM access_log WHERE seq = $1`, [row.seq]);
      await recomputeWholeChain(q);
    });
    expect(verdict).toMatchObject({ ok: false });
  });
}

describe('access-log anchors in a file of the data directory (PostgreSQL, no Kafka)', () => {
  describe('tampering as the database owner', () => anchoredLogSuite(false));

  describe('the anchor file and its key', () => {
    let saeil: TestSaeil;
    beforeAll(async () => {
      saeil = await startTestSaeil({
        label: 'anchors_keyfile',
        kafka: false,
        env: { ACCESS_LOG_ANCHOR_INTERVAL_MS: '1000' },
      });
    });
    afterAll(async () => {
      await saeil?.dispose();
    });
    const dir = () => saeil.config.SAEIL_DATA_DIR;
    const anchorLines = () =>
      existsSync(anchorFilePath(dir()))
        ? readFileSync(anchorFilePath(dir()), 'utf8').trim().split('\n').filter(Boolean)
        : [];

    it('generates the MAC key once, owner-only, outside the database; the worker anchors new rows on its interval into an owner-only file', async () => {
      const keyFile = keyFilePath(dir(), MAC_KEY_FILE);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const key = readFileSync(keyFile, 'utf8');
      expect(Buffer.from(key.trim(), 'base64')).toHaveLength(32);

      const clientId = await registerClient(saeil, 1);
      await (await api(saeil, counselorOf('center-naju'))).get(`/clients/${clientId}/placements`).expect(200);
      const [{ seq }] = await saeil.runtime.dataSource.query(`SELECT max(seq) AS seq FROM access_log`);
      await waitFor(async () => anchorLines().some((l) => JSON.parse(l).seq === Number(seq)), {
        description: 'the worker anchoring the head',
      });
      expect(statSync(anchorFilePath(dir())).mode & 0o777).toBe(0o600);
      expect(JSON.parse(anchorLines()[0])).toEqual({
        v: 1,
        kind: 'head',
        seq: expect.any(Number),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        rows: expect.any(Number),
        at: expect.any(String),
        mac: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      // a process started later on the same data directory reads the same key; production refuses to make one
      const logger = { warn: jest.fn() };
      expect(accessLogMacKey(saeil.config, 'development', logger)).toEqual(Buffer.from(key.trim(), 'base64'));
      expect(readFileSync(keyFile, 'utf8')).toBe(key);
      expect(logger.warn).not.toHaveBeenCalled();
      expect(() =>
        accessLogMacKey({ SAEIL_DATA_DIR: dir(), ACCESS_LOG_MAC_KEY: undefined }, 'production', logger),
      ).toThrow(/ACCESS_LOG_MAC_KEY is not set/);
    });

    it('an api that stops anchors the head it leaves', async () => {
      const second = await startTestSaeil({
        label: 'anchors_keyfile',
        kafka: false,
        db: saeil.db,
        worker: false,
        env: { ACCESS_LOG_ANCHOR_INTERVAL_MS: '86400000' },
      });
      const clientId = await registerClient(saeil, 5);
      await saeil.runtime.worker.jobs.stop(); // only the stopping api may anchor the row it writes
      await (await api(second, counselorOf('center-naju'))).get(`/clients/${clientId}/placements`).expect(200);
      const [{ seq }] = await saeil.runtime.dataSource.query(`SELECT max(seq) AS seq FROM access_log`);
      expect(anchorLines().map((l) => JSON.parse(l).seq)).not.toContain(Number(seq));
      await second.stop();
      expect(anchorLines().map((l) => JSON.parse(l).seq)).toContain(Number(seq));
      saeil.runtime.worker.jobs.start();
    });

    it('an anchor altered without the key (to vouch for a rewritten head) does not authenticate: verify says so', async () => {
      const admin = await api(saeil, ADMINISTRATOR);
      const month = todayInKorea().slice(0, 7);
      expect((await admin.get('/access-log/verify').query({ month }).expect(200)).body).toMatchObject({ ok: true });
      const file = anchorFilePath(dir());
      const original = readFileSync(file, 'utf8');
      const lines = original.trim().split('\n');
      const forged = { ...JSON.parse(lines[0]), hash: 'f'.repeat(64) };
      writeFileSync(file, [JSON.stringify(forged), ...lines.slice(1), 'not json at all'].join('\n') + '\n');
      try {
        const verdict = (await admin.get('/access-log/verify').query({ month }).expect(200)).body;
        expect(verdict).toMatchObject({ ok: false, brokenAt: { seq: null, problem: 'unauthentic-anchor' } });
        expect(verdict.reason).toContain('2');
      } finally {
        writeFileSync(file, original);
      }
    });

    it('the retention purge announces what it removes: an honest purge verifies, a deletion at the start beyond it does not', async () => {
      const db = saeil.runtime.dataSource;
      const admin = await api(saeil, ADMINISTRATOR);
      const month = todayInKorea().slice(0, 7);
      const verify = async () => (await admin.get('/access-log/verify').query({ month }).expect(200)).body;
      // A history that began more than two years ago: the first two rows are backdated and the
      // chain rehashed, before anything is anchored (the purge is under test here, not a rewrite).
      const clientId = await registerClient(saeil, 2);
      const counselor = await api(saeil, counselorOf('center-naju'));
      for (let i = 0; i < 3; i++) await counselor.get(`/clients/${clientId}/placements`).expect(200);
      await saeil.runtime.worker.jobs.stop();
      const q = db.createQueryRunner();
      await q.connect();
      try {
        await q.query(`SET session_replication_role = replica`);
        await q.query(`UPDATE access_log SET at = now() - interval '800 days' WHERE seq IN (1, 2)`);
        const rows = (
          (await q.query(`SELECT * FROM access_log WHERE seq >= 1 ORDER BY seq`)) as Record<string, unknown>[]
        ).map(toEntry);
        const rechained = chain(
          GENESIS_HASH,
          rows.map(({ prevHash: _p, hash: _h, ...e }) => e),
        );
        for (const r of rechained)
          await q.query(`UPDATE access_log SET prev_hash = $2, hash = $3 WHERE seq = $1`, [r.seq, r.prevHash, r.hash]);
        await q.query(`UPDATE access_log_head SET seq = $1, hash = $2`, [
          rechained.at(-1)!.seq,
          rechained.at(-1)!.hash,
        ]);
        await q.query(`RESET session_replication_role`);
      } finally {
        await q.release();
      }
      writeFileSync(anchorFilePath(dir()), ''); // the anchors of before the backdating no longer apply to this made-up history
      const services = {
        config: saeil.config,
        store: saeil.runtime.store,
        dataSource: db,
        clock: saeil.runtime.clock,
        logger: saeil.runtime.logger,
      } as WorkerServices;
      await anchoringFor(services).publishHead();
      expect(await verify()).toMatchObject({ ok: true });

      await accessLogPurgeJob.run(services);
      expect(Number((await db.query(`SELECT min(seq) AS s FROM access_log WHERE seq >= 1`))[0].s)).toBe(3);
      expect(anchorLines().map((l) => JSON.parse(l))).toContainEqual(
        expect.objectContaining({ kind: 'purge', through: 2, removed: 2 }),
      );
      expect(await verify()).toMatchObject({ ok: true });

      // the owner deletes row 3 as well: the purge did not announce it
      await db.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`);
      try {
        await db.query(`DELETE FROM access_log WHERE seq = 3`);
      } finally {
        await db.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_append_only`);
      }
      expect(await verify()).toMatchObject({ ok: false, brokenAt: { seq: 3, problem: 'genesis' } });
    });
  });
});

describeKafka('access-log anchors on the Kafka topic (PostgreSQL, Kafka)', () => {
  describe('tampering as the database owner', () => anchoredLogSuite(true));
});
