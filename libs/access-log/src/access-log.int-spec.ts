import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { waitFor } from '../../../tests/support/env';
import { registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { accessLogPurgeJob } from './housekeeping/access-log-purge.job';

/** 접속기록 through HTTP on the real PostgreSQL (embedded event delivery: no Kafka needed here). */
describe('access log (HTTP, PostgreSQL)', () => {
  const ADMIN_PASSWORD = 'naju-lighthouse-2026';
  let saeil: TestSaeil;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'access_log', kafka: false, env: { SAEIL_ADMIN_PASSWORD: ADMIN_PASSWORD } });
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  const rows = (): Promise<Array<Record<string, unknown>>> => saeil.runtime.dataSource.query(`SELECT * FROM access_log ORDER BY seq`);
  const count = async (): Promise<number> => (await rows()).length;
  const thisMonth = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7); // Korean calendar month

  it('a timeline read logs one row: account/actor, source address, the woman concerned, action, route', async () => {
    const clientId = await registerClient(saeil, 1);
    await waitFor(async () => (await request(saeil.url).get(`/cases/${clientId}/timeline`)).body.total > 0, { description: 'her timeline' });
    const before = await count();

    await request(saeil.url).get(`/cases/${clientId}/timeline`).set('X-Actor-Id', 'counselor-kim').expect(200);

    const logged = (await rows()).slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      actor_id: 'counselor-kim',
      actor_kind: 'header',
      action: 'read.timeline',
      subject_client_id: clientId,
      route: `GET /cases/${clientId}/timeline`,
      reason: null,
    });
    // supertest connects over loopback: the socket's address, IPv4 or IPv4-mapped IPv6
    expect(logged[0].source_address).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });

  it('with a valid bearer token the account is recorded; a token that does not verify falls back to the header, marked as such', async () => {
    const clientId = await registerClient(saeil, 6);
    const login = await request(saeil.url).post('/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200);
    const me = await request(saeil.url).get('/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    const before = await count();

    await request(saeil.url).get(`/clients/${clientId}/placements`).set('Authorization', `Bearer ${login.body.accessToken}`).set('X-Actor-Id', 'claims-to-be-kim').expect(200);
    await request(saeil.url).get(`/clients/${clientId}/placements`).set('Authorization', 'Bearer not.a.token').set('X-Actor-Id', 'claims-to-be-kim').expect(200);

    const logged = (await rows()).slice(before);
    expect(logged.map((r) => [r.actor_id, r.actor_kind, r.action])).toEqual([
      [me.body.accountId, 'account', 'read.client-record'],
      ['claims-to-be-kim', 'header', 'read.client-record'],
    ]);
  });

  it('a read that fails (unknown client, 404) logs nothing', async () => {
    const before = await count();
    await request(saeil.url).get(`/cases/${randomUUID()}/timeline`).expect(404);
    expect(await count()).toBe(before);
  });

  it('the caseload logs one row per woman on the page', async () => {
    const a = await registerClient(saeil, 2, { centerId: 'center-log' });
    const b = await registerClient(saeil, 3, { centerId: 'center-log' });
    await waitFor(async () => (await request(saeil.url).get('/caseload').query({ centerId: 'center-log' })).body.total === 2, { description: 'both in the caseload' });
    const before = await count();

    await request(saeil.url).get('/caseload').query({ centerId: 'center-log' }).expect(200);

    const logged = (await rows()).slice(before);
    expect(logged.map((r) => r.subject_client_id).sort()).toEqual([a, b].sort());
    expect(new Set(logged.map((r) => r.action))).toEqual(new Set(['read.caseload']));
  });

  it('concurrent reads keep one linear chain, and verify says so', async () => {
    const clientId = await registerClient(saeil, 4);
    const before = await count();
    const answers = await Promise.all(Array.from({ length: 12 }, () => request(saeil.url).get(`/clients/${clientId}/placements`)));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));

    const all = await rows();
    expect(all).toHaveLength(before + 12);
    // linear: seq 1..n without gaps, each row's prev_hash the hash of the row before
    all.forEach((r, i) => {
      expect(Number(r.seq)).toBe(i + 1);
      if (i > 0) expect(r.prev_hash).toBe(all[i - 1].hash);
    });
    const verdict = await request(saeil.url).get('/access-log/verify').query({ month: thisMonth() }).expect(200);
    expect(verdict.body).toEqual({ ok: true, rows: all.length });
  });

  it('the database refuses UPDATE and DELETE of a row; verify names a row changed behind the trigger', async () => {
    await expect(saeil.runtime.dataSource.query(`UPDATE access_log SET actor_id = 'nobody' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(saeil.runtime.dataSource.query(`DELETE FROM access_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(saeil.runtime.dataSource.query(`TRUNCATE access_log`)).rejects.toThrow(/append-only/);
    // the purge never goes below two years
    await expect(saeil.runtime.dataSource.query(`SELECT access_log_purge(365)`)).rejects.toThrow(/at least 730/);

    // someone with the rights to disable the trigger rewrites row 2: verification finds it
    await saeil.runtime.dataSource.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`);
    try {
      await saeil.runtime.dataSource.query(`UPDATE access_log SET actor_id = 'nobody' WHERE seq = 2`);
      const verdict = await request(saeil.url).get('/access-log/verify').query({ month: thisMonth() }).expect(200);
      expect(verdict.body).toMatchObject({ ok: false, brokenAt: { seq: 2, problem: 'hash' } });
    } finally {
      await saeil.runtime.dataSource.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_append_only`);
    }
  });

  it('a Ministry report export without a reason is 400 and logs nothing; with one it is logged with its reason', async () => {
    const before = await count();
    const refused = await request(saeil.url).get('/ministry-reports/nation/2026-03').query({ format: 'csv' }).expect(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ field: 'reason', code: 'exportReasonRequired' })]);
    expect(await count()).toBe(before);

    // the on-screen JSON is not an export
    await request(saeil.url).get('/ministry-reports/nation/2026-03').expect(200);
    expect(await count()).toBe(before);

    await request(saeil.url).get('/ministry-reports/nation/2026-03').query({ format: 'csv', reason: '1분기 실적 제출' }).set('X-Actor-Id', 'supervisor-lee').expect(200);
    const logged = (await rows()).slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ action: 'export.ministry-report', actor_id: 'supervisor-lee', subject_client_id: null, reason: '1분기 실적 제출' });
  });

  it('the monthly review lists the month\'s rows', async () => {
    const all = await rows();
    const review = await request(saeil.url).get('/access-log').query({ month: thisMonth(), pageSize: 1000 }).expect(200);
    expect(review.body.total).toBe(all.length);
    expect(review.body.items.map((r: { seq: number }) => r.seq)).toEqual(all.map((r) => Number(r.seq)));
    const lastMonthYear = '2020-01';
    expect((await request(saeil.url).get('/access-log').query({ month: lastMonthYear }).expect(200)).body.total).toBe(0);
    await request(saeil.url).get('/access-log').query({ month: '2026-13' }).expect(400);
  });

  it('when the log cannot be written the read answers 503 and shows nothing', async () => {
    const clientId = await registerClient(saeil, 5);
    const before = await count();
    // every new row now violates a constraint: the append fails as a broken database would
    await saeil.runtime.dataSource.query(`ALTER TABLE access_log ADD CONSTRAINT test_refuse_all CHECK (false) NOT VALID`);
    try {
      const res = await request(saeil.url).get(`/clients/${clientId}/placements`).expect(503);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(res.body)).not.toContain('placements":');
      // an export refused for the same reason is a JSON error, not a file
      const exported = await request(saeil.url).get('/ministry-reports/nation/2026-03').query({ format: 'csv', reason: '점검' }).expect(503);
      expect(exported.headers['content-type']).toMatch(/^application\/json/);
      expect(exported.headers['content-disposition']).toBeUndefined();
      expect(exported.body.error.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await saeil.runtime.dataSource.query(`ALTER TABLE access_log DROP CONSTRAINT test_refuse_all`);
    }
    expect(await count()).toBe(before);
    await request(saeil.url).get(`/clients/${clientId}/placements`).expect(200);
    expect(await count()).toBe(before + 1);
  });

  it('the worker purges rows past ACCESS_LOG_RETENTION_DAYS and nothing younger', async () => {
    const young = await count();
    // rows written 800 and 700 days ago (INSERT is not refused; seq below the chain's own)
    for (const [seq, days] of [[-2, 800], [-1, 700]]) {
      await saeil.runtime.dataSource.query(
        `INSERT INTO access_log (seq, at, actor_id, actor_kind, source_address, action, route, prev_hash, hash)
         VALUES ($1, now() - make_interval(days => $2), 'old', 'header', '127.0.0.1', 'read.timeline', 'GET /old', '', '')`,
        [seq, days],
      );
    }
    await accessLogPurgeJob.run({ dataSource: saeil.runtime.dataSource, config: saeil.config } as Parameters<typeof accessLogPurgeJob.run>[0]);
    const left = await rows();
    expect(left.map((r) => Number(r.seq))).toEqual([-1, ...Array.from({ length: young }, (_, i) => i + 1)]);
    // the 700-day-old row is inside the two legal years: not even a direct DELETE may remove it
    await expect(saeil.runtime.dataSource.query(`DELETE FROM access_log WHERE seq = -1`)).rejects.toThrow(/append-only/);
  });
});
