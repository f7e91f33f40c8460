import { todayInKorea } from '@saeil/core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { waitFor } from '../../../tests/support/env';
import { registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import {
  ADMINISTRATOR,
  Api,
  api,
  Caller,
  counselorOf,
  MINISTRY_ANALYST,
  regionalSupervisorOf,
  supervisorOf,
} from '../../../tests/support/auth';
import { accessLogPurgeJob } from './housekeeping/access-log-purge.job';

/** 접속기록 through HTTP on the real PostgreSQL (embedded event delivery: no Kafka needed here). */
describe('access log (HTTP, PostgreSQL)', () => {
  let saeil: TestSaeil;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'access_log', kafka: false });
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  const rows = (): Promise<Array<Record<string, unknown>>> =>
    saeil.runtime.dataSource.query(`SELECT * FROM access_log ORDER BY seq`);
  const count = async (): Promise<number> => (await rows()).length;
  const thisMonth = () => todayInKorea().slice(0, 7); // the Korean calendar month the review filters by
  /** The caller's client on this app (her account is created and logged in on first use). */
  const as = (caller: Caller): Promise<Api> => api(saeil, caller);
  /** The account id her token stands for, as the api itself reports it. */
  const accountIdOf = async (http: Api): Promise<string> => (await http.get('/auth/me').expect(200)).body.accountId;
  const naju = () => as(counselorOf('center-naju'));
  const admin = () => as(ADMINISTRATOR);

  it('a timeline read logs one row: the account of the token and her center, source address, the woman concerned, action, route', async () => {
    const clientId = await registerClient(saeil, 1);
    const http = await naju();
    await waitFor(async () => (await http.get(`/cases/${clientId}/timeline`)).body.total > 0, {
      description: 'her timeline',
    });
    const before = await count();

    await http.get(`/cases/${clientId}/timeline`).expect(200);

    const logged = (await rows()).slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      actor_id: await accountIdOf(http),
      actor_kind: 'account',
      actor_center_id: 'center-naju',
      action: 'read.timeline',
      subject_client_id: clientId,
      route: `GET /cases/${clientId}/timeline`,
      reason: null,
    });
    // supertest connects over loopback: the socket's address, IPv4 or IPv4-mapped IPv6
    expect(logged[0].source_address).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
  });

  it("the token's account is recorded whatever an X-Actor-Id header claims; without a token, or with one that does not verify, the read is refused (401) and logs nothing", async () => {
    const clientId = await registerClient(saeil, 6);
    const http = await as(supervisorOf('center-naju'));
    const accountId = await accountIdOf(http);
    const before = await count();

    await http.get(`/clients/${clientId}/placements`).set('X-Actor-Id', 'claims-to-be-kim').expect(200);
    const logged = (await rows()).slice(before);
    expect(logged.map((r) => [r.actor_id, r.actor_kind, r.actor_center_id, r.action, r.subject_client_id])).toEqual([
      [accountId, 'account', 'center-naju', 'read.client-record', clientId],
    ]);
    expect(accountId).not.toBe('claims-to-be-kim');

    const after = await count();
    for (const refused of [
      request(saeil.url).get(`/clients/${clientId}/placements`),
      request(saeil.url).get(`/clients/${clientId}/placements`).set('X-Actor-Id', 'claims-to-be-kim'),
      request(saeil.url)
        .get(`/clients/${clientId}/placements`)
        .set('Authorization', 'Bearer not.a.token')
        .set('X-Actor-Id', 'claims-to-be-kim'),
      request(saeil.url).get(`/cases/${clientId}/timeline`),
      request(saeil.url).get('/caseload').query({ centerId: 'center-naju' }),
      request(saeil.url).get('/ministry-reports/nation/2026-03').query({ format: 'csv', reason: '점검' }),
    ]) {
      const res = await refused.expect(401);
      expect(['AUTHENTICATION_REQUIRED', 'INVALID_TOKEN']).toContain(res.body.error.code);
      expect(JSON.stringify(res.body)).not.toContain(clientId);
    }
    expect(await count()).toBe(after);
  });

  it("a refused read of a woman's record (another center's, one that does not exist, a role that may not read it) is logged with outcome refused, on every route that names her", async () => {
    const hwasun = await registerClient(saeil, 7, { centerId: 'center-hwasun' });
    const http = await naju();
    const analyst = await as(MINISTRY_ANALYST);
    const [najuAccount, analystAccount] = [await accountIdOf(http), await accountIdOf(analyst)];
    const routes = [
      { action: 'read.timeline', path: (id: string) => `/cases/${id}/timeline` },
      { action: 'read.client-record', path: (id: string) => `/clients/${id}/placements` },
      { action: 'read.client-record', path: (id: string) => `/clients/${id}/counseling-sessions` },
      { action: 'read.client-record', path: (id: string) => `/clients/${id}/employment-plan` },
    ];
    for (const route of routes) {
      for (const [caller, account, centerId, subject, status] of [
        [http, najuAccount, 'center-naju', hwasun, 404],
        [http, najuAccount, 'center-naju', randomUUID(), 404],
        [analyst, analystAccount, null, hwasun, 403],
      ] as const) {
        const before = await count();
        const res = await caller.get(route.path(subject)).expect(status);
        expect(JSON.stringify(res.body)).not.toContain('"items"');
        const logged = (await rows()).slice(before);
        expect(logged).toEqual([
          expect.objectContaining({
            actor_id: account,
            actor_kind: 'account',
            actor_center_id: centerId,
            action: route.action,
            subject_client_id: subject,
            route: `GET ${route.path(subject)}`,
            outcome: 'refused',
          }),
        ]);
      }
    }
    // a shown read says so; the chain holds refused and allowed rows alike
    const own = await registerClient(saeil, 10);
    const before = await count();
    await http.get(`/clients/${own}/placements`).expect(200);
    expect((await rows()).slice(before)).toEqual([
      expect.objectContaining({ subject_client_id: own, outcome: 'allowed' }),
    ]);
    expect(
      (await (await admin()).get('/access-log/verify').query({ month: thisMonth() }).expect(200)).body,
    ).toMatchObject({ ok: true, rows: await count() });
  });

  it('a request that is not an authenticated read of her logs nothing (no token: 401); a malformed id is logged only when it is refused as a record (404), never when refused as input (400)', async () => {
    const hwasun = await registerClient(saeil, 11, { centerId: 'center-hwasun' });
    let before = await count();
    await request(saeil.url).get(`/cases/${hwasun}/timeline`).expect(401);
    await request(saeil.url)
      .get(`/clients/${hwasun}/placements`)
      .set('Authorization', 'Bearer not.a.token')
      .expect(401);
    expect(await count()).toBe(before);

    const http = await naju();
    // Ids have one canonical form checked at the edge: any other spelling is refused as input (400), naming no one.
    for (const malformed of [
      'not-a-uuid',
      `{${hwasun}}`,
      `${hwasun.slice(0, -1)}z`,
      hwasun.toUpperCase(),
      ` ${hwasun}`,
    ]) {
      before = await count();
      await http.get(`/cases/${encodeURIComponent(malformed)}/timeline`).expect(400);
      expect((await rows()).slice(before)).toEqual([]);
    }
  });

  it('the caseload logs one row per woman on the page', async () => {
    const a = await registerClient(saeil, 2, { centerId: 'center-log' });
    const b = await registerClient(saeil, 3, { centerId: 'center-log' });
    const http = await as(supervisorOf('center-log'));
    await waitFor(async () => (await http.get('/caseload').query({ centerId: 'center-log' })).body.total === 2, {
      description: 'both in the caseload',
    });
    const before = await count();

    await http.get('/caseload').query({ centerId: 'center-log' }).expect(200);

    const logged = (await rows()).slice(before);
    expect(logged.map((r) => r.subject_client_id).sort()).toEqual([a, b].sort());
    expect(new Set(logged.map((r) => r.action))).toEqual(new Set(['read.caseload']));
    expect(new Set(logged.map((r) => r.actor_id))).toEqual(new Set([await accountIdOf(http)]));
  });

  it('concurrent reads keep one linear chain, and verify says so', async () => {
    const clientId = await registerClient(saeil, 4);
    const http = await naju();
    const before = await count();
    const answers = await Promise.all(Array.from({ length: 12 }, () => http.get(`/clients/${clientId}/placements`)));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));

    const all = await rows();
    expect(all).toHaveLength(before + 12);
    // linear: seq 1..n without gaps, each row's prev_hash the hash of the row before
    all.forEach((r, i) => {
      expect(Number(r.seq)).toBe(i + 1);
      if (i > 0) expect(r.prev_hash).toBe(all[i - 1].hash);
    });
    const verdict = await (await admin()).get('/access-log/verify').query({ month: thisMonth() }).expect(200);
    expect(verdict.body).toMatchObject({ ok: true, rows: all.length });
  });

  it("a supervisor reviews only her center's accounts' rows (another center 404); only the administrator verifies the chain", async () => {
    const [najuClient, hwasunClient] = [
      await registerClient(saeil, 8),
      await registerClient(saeil, 9, { centerId: 'center-hwasun' }),
    ];
    const najuCounselor = await naju();
    const hwasunCounselor = await as(counselorOf('center-hwasun'));
    await najuCounselor.get(`/clients/${najuClient}/placements`).expect(200);
    await hwasunCounselor.get(`/clients/${hwasunClient}/placements`).expect(200);
    const [najuAccount, hwasunAccount] = [await accountIdOf(najuCounselor), await accountIdOf(hwasunCounselor)];

    const all = await rows();
    const ofNaju = all.filter((r) => r.actor_center_id === 'center-naju');
    expect(ofNaju.length).toBeGreaterThan(0);
    expect(all.some((r) => r.actor_center_id === 'center-hwasun' && r.actor_id === hwasunAccount)).toBe(true);
    expect(all.some((r) => r.actor_center_id !== 'center-naju')).toBe(true);

    const supervisor = await as(supervisorOf('center-naju'));
    const review = await supervisor.get('/access-log').query({ month: thisMonth(), pageSize: 1000 }).expect(200);
    expect(review.body.total).toBe(ofNaju.length);
    expect(review.body.items.map((r: { seq: number }) => r.seq)).toEqual(ofNaju.map((r) => Number(r.seq)));
    expect(new Set(review.body.items.map((r: { actorCenterId: string }) => r.actorCenterId))).toEqual(
      new Set(['center-naju']),
    );
    expect(review.body.items.map((r: { actorId: string }) => r.actorId)).toContain(najuAccount);
    expect(review.body.items.map((r: { actorId: string }) => r.actorId)).not.toContain(hwasunAccount);
    // Naming her own center is the same review; naming another answers 404, as a center she does not know.
    const own = await supervisor
      .get('/access-log')
      .query({ month: thisMonth(), pageSize: 1000, centerId: 'center-naju' })
      .expect(200);
    expect(own.body).toEqual(review.body);
    const other = await supervisor
      .get('/access-log')
      .query({ month: thisMonth(), centerId: 'center-hwasun' })
      .expect(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    expect(JSON.stringify(other.body)).not.toContain(hwasunAccount);

    // The administrator reviews any center's rows.
    const hwasunReview = await (
      await admin()
    )
      .get('/access-log')
      .query({ month: thisMonth(), pageSize: 1000, centerId: 'center-hwasun' })
      .expect(200);
    expect(hwasunReview.body.items.map((r: { seq: number }) => r.seq)).toEqual(
      all.filter((r) => r.actor_center_id === 'center-hwasun').map((r) => Number(r.seq)),
    );

    // Verifying the whole chain is the administrator's alone; the review is no one else's either.
    for (const caller of [
      supervisorOf('center-naju'),
      counselorOf('center-naju'),
      regionalSupervisorOf('전라남도'),
      MINISTRY_ANALYST,
    ]) {
      const refused = await (await as(caller)).get('/access-log/verify').query({ month: thisMonth() }).expect(403);
      expect(refused.body.error.code).toBe('ACCESS_DENIED');
    }
    for (const caller of [counselorOf('center-naju'), regionalSupervisorOf('전라남도'), MINISTRY_ANALYST]) {
      expect(
        (await (await as(caller)).get('/access-log').query({ month: thisMonth() }).expect(403)).body.error.code,
      ).toBe('ACCESS_DENIED');
    }
    await request(saeil.url).get('/access-log').query({ month: thisMonth() }).expect(401);
    await request(saeil.url).get('/access-log/verify').query({ month: thisMonth() }).expect(401);
    const verdict = await (await admin()).get('/access-log/verify').query({ month: thisMonth() }).expect(200);
    expect(verdict.body).toMatchObject({ ok: true, rows: (await rows()).length });
  });

  it('the database refuses UPDATE and DELETE of a row; verify names a row changed behind the trigger', async () => {
    await expect(
      saeil.runtime.dataSource.query(`UPDATE access_log SET actor_id = 'nobody' WHERE seq = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(saeil.runtime.dataSource.query(`DELETE FROM access_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(saeil.runtime.dataSource.query(`TRUNCATE access_log`)).rejects.toThrow(/append-only/);
    // the purge never goes below two years
    await expect(saeil.runtime.dataSource.query(`SELECT access_log_purge(365)`)).rejects.toThrow(/at least 730/);

    // someone with the rights to disable the trigger rewrites row 2: verification finds it
    await saeil.runtime.dataSource.query(`ALTER TABLE access_log DISABLE TRIGGER access_log_append_only`);
    try {
      await saeil.runtime.dataSource.query(`UPDATE access_log SET actor_id = 'nobody' WHERE seq = 2`);
      const verdict = await (await admin()).get('/access-log/verify').query({ month: thisMonth() }).expect(200);
      expect(verdict.body).toMatchObject({ ok: false, brokenAt: { seq: 2, problem: 'hash' } });
    } finally {
      await saeil.runtime.dataSource.query(`ALTER TABLE access_log ENABLE TRIGGER access_log_append_only`);
    }
  });

  it('a Ministry report export without a reason is 400 and logs nothing; with one it is logged with its reason and the exporting account', async () => {
    const analyst = await as(MINISTRY_ANALYST);
    const before = await count();
    const refused = await analyst.get('/ministry-reports/nation/2026-03').query({ format: 'csv' }).expect(400);
    expect(refused.body.error.fields).toEqual([
      expect.objectContaining({ field: 'reason', code: 'exportReasonRequired' }),
    ]);
    expect(await count()).toBe(before);

    // the on-screen JSON is not an export
    await analyst.get('/ministry-reports/nation/2026-03').expect(200);
    expect(await count()).toBe(before);

    // a level she does not reach is 404 and logs nothing (a center's supervisor, the nation)
    await (
      await as(supervisorOf('center-naju'))
    )
      .get('/ministry-reports/nation/2026-03')
      .query({ format: 'csv', reason: '1분기 실적 제출' })
      .expect(404);
    expect(await count()).toBe(before);

    await analyst
      .get('/ministry-reports/nation/2026-03')
      .query({ format: 'csv', reason: '1분기 실적 제출' })
      .set('X-Actor-Id', 'supervisor-lee')
      .expect(200);
    const logged = (await rows()).slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      action: 'export.ministry-report',
      actor_id: await accountIdOf(analyst),
      actor_kind: 'account',
      actor_center_id: null,
      subject_client_id: null,
      reason: '1분기 실적 제출',
    });
  });

  it("the administrator's monthly review lists every row of the month", async () => {
    const http = await admin();
    const all = await rows();
    const review = await http.get('/access-log').query({ month: thisMonth(), pageSize: 1000 }).expect(200);
    expect(review.body.total).toBe(all.length);
    expect(review.body.items.map((r: { seq: number }) => r.seq)).toEqual(all.map((r) => Number(r.seq)));
    const lastMonthYear = '2020-01';
    expect((await http.get('/access-log').query({ month: lastMonthYear }).expect(200)).body.total).toBe(0);
    await http.get('/access-log').query({ month: '2026-13' }).expect(400);
  });

  it('when the log cannot be written the read answers 503 and shows nothing', async () => {
    const clientId = await registerClient(saeil, 5);
    const http = await naju();
    const analyst = await as(MINISTRY_ANALYST);
    const before = await count();
    // every new row now violates a constraint: the append fails as a broken database would
    await saeil.runtime.dataSource.query(
      `ALTER TABLE access_log ADD CONSTRAINT test_refuse_all CHECK (false) NOT VALID`,
    );
    try {
      const res = await http.get(`/clients/${clientId}/placements`).expect(503);
      expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(res.body)).not.toContain('placements":');
      // an export refused for the same reason is a JSON error, not a file
      const exported = await analyst
        .get('/ministry-reports/nation/2026-03')
        .query({ format: 'csv', reason: '점검' })
        .expect(503);
      expect(exported.headers['content-type']).toMatch(/^application\/json/);
      expect(exported.headers['content-disposition']).toBeUndefined();
      expect(exported.body.error.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await saeil.runtime.dataSource.query(`ALTER TABLE access_log DROP CONSTRAINT test_refuse_all`);
    }
    expect(await count()).toBe(before);
    await http.get(`/clients/${clientId}/placements`).expect(200);
    expect(await count()).toBe(before + 1);
  });

  it('the worker purges rows past ACCESS_LOG_RETENTION_DAYS and nothing younger', async () => {
    const young = await count();
    // rows written 800 and 700 days ago (INSERT is not refused; seq below the chain's own)
    for (const [seq, days] of [
      [-2, 800],
      [-1, 700],
    ]) {
      await saeil.runtime.dataSource.query(
        `INSERT INTO access_log (seq, at, actor_id, actor_kind, source_address, action, route, prev_hash, hash)
         VALUES ($1, now() - make_interval(days => $2), 'old', 'header', '127.0.0.1', 'read.timeline', 'GET /old', '', '')`,
        [seq, days],
      );
    }
    await accessLogPurgeJob.run({ dataSource: saeil.runtime.dataSource, config: saeil.config } as Parameters<
      typeof accessLogPurgeJob.run
    >[0]);
    const left = await rows();
    expect(left.map((r) => Number(r.seq))).toEqual([-1, ...Array.from({ length: young }, (_, i) => i + 1)]);
    // the 700-day-old row is inside the two legal years: not even a direct DELETE may remove it
    await expect(saeil.runtime.dataSource.query(`DELETE FROM access_log WHERE seq = -1`)).rejects.toThrow(
      /append-only/,
    );
  });
});
