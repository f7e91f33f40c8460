import pino from 'pino';
import { addDays, fixedClock, todayInKorea } from '@saeil/core';
import { clientStreamId } from '@saeil/contracts';
import { FORGOTTEN_REQUEST } from '@saeil/event-store';
import { PrivacyVault, resolveMasterKeyring } from '@saeil/privacy';
import type { WorkerServices } from '@saeil/runtime';
import { startTestSaeil, TestSaeil } from '../../../../tests/support/app';
import { Api, api, counselorAccount, counselorOf, supervisorOf } from '../../../../tests/support/auth';
import { waitFor } from '../../../../tests/support/env';
import { eraseClientsPastRetention } from './retention-erasure.job';

/**
 * Her identity sealed in the intake events (HTTP, embedded mode, real PostgreSQL), opened only by
 * the caseload query; the erasure command (roles, scope, idempotence, what it refuses afterwards,
 * what it deletes); and the retention-period job with the clock pinned.
 */
describe('intake: her identity sealed in the events, and erasing it', () => {
  let saeil: TestSaeil;
  let vault: PrivacyVault;
  let counselor: Api;
  /** Her counselor (the account `counselor` acts as), and another of center-naju. */
  let kim: string;
  let park: string;
  let supervisor: Api;
  const today = todayInKorea();

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'intake_erasure', kafka: false });
    counselor = await api(saeil, counselorOf('center-naju'));
    [kim, park] = await Promise.all([counselorAccount(saeil), counselorAccount(saeil, 'center-naju', 'park')]);
    supervisor = await api(saeil, supervisorOf('center-naju'));
    // The api's master key (generated in this database: no PRIVACY_MASTER_KEY in tests), a vault of our own.
    const keyring = await resolveMasterKeyring(
      saeil.config,
      process.env.NODE_ENV,
      saeil.runtime.dataSource,
      pino({ level: 'silent' }),
    );
    vault = new PrivacyVault({ dataSource: saeil.runtime.dataSource, keyring });
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  const rawEvents = async (clientId: string) =>
    (await saeil.runtime.dataSource.query(
      `SELECT event_type, schema_version, data, metadata FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [clientStreamId(clientId)],
    )) as {
      event_type: string;
      schema_version: number;
      data: Record<string, any>;
      metadata: Record<string, any>;
    }[];
  const caseload = async (query: Record<string, unknown>, as: Api = counselor) =>
    (
      await as
        .get('/caseload')
        .query({ centerId: 'center-naju', ...query })
        .expect(200)
    ).body;
  const itemOf = async (clientId: string, position: number) =>
    (await caseload({ minPosition: position, pageSize: 200 })).items.find(
      (i: { clientId: string }) => i.clientId === clientId,
    );
  const register = (body: Record<string, unknown>) =>
    counselor.post('/clients').send({ centerId: 'center-naju', counselorId: kim, region: '전라남도', ...body });
  const consent = (clientId: string) =>
    counselor
      .post(`/clients/${clientId}/consents`)
      .send({ purpose: 'service', version: '2026-01', givenOn: '2026-01-02' })
      .expect(200);

  describe('sealing', () => {
    const minji = { name: ' 한  민지 ', birthDate: '1983-09-27', phone: '010-4821-9073' };
    let clientId: string;
    let registeredAt: number;

    beforeAll(async () => {
      const created = await register({ ...minji, desiredOccupation: '사무보조' }).expect(201);
      clientId = created.body.clientId;
      registeredAt = created.body.position;
    });

    it('ClientRegistered v3 in the store holds her identity and its keyed hashes only sealed (name normalised), her birth year in clear', async () => {
      const [registered] = await rawEvents(clientId);
      expect(registered.schema_version).toBe(3);
      expect(Object.keys(registered.data)).not.toEqual(expect.arrayContaining(['name']));
      expect(registered.data).toMatchObject({
        clientId,
        birthYear: 1983,
        desiredOccupation: '사무보조',
        personal: expect.stringMatching(/^pd1\./),
        sealedKeys: expect.stringMatching(/^pd1\./),
      });
      const text = JSON.stringify(registered);
      for (const value of ['한', '민지', '1983-09-27', '4821', '9073']) expect(text).not.toContain(value);
      expect(await vault.openFields(clientId, registered.data.personal)).toEqual({
        status: 'open',
        fields: { name: '한 민지', birthDate: '1983-09-27', phone: '010-4821-9073' },
      });
    });

    it('the caseload row holds the envelope, never her identity; GET /caseload opens it for her center', async () => {
      const item = await itemOf(clientId, registeredAt);
      expect(item).toMatchObject({
        clientId,
        name: '한 민지',
        birthDate: '1983-09-27',
        phone: '010-4821-9073',
        birthYear: 1983,
        erased: false,
      });
      const [row] = await saeil.runtime.dataSource.query(
        `SELECT to_jsonb(c)::text AS row FROM rm_caseload c WHERE client_id = $1`,
        [clientId],
      );
      expect(row.row).toContain('pd1.');
      for (const value of ['민지', '1983-09-27', '4821']) expect(row.row).not.toContain(value);
    });

    it('searches by her whole name or her phone (dashes or not) through keyed hashes; part of a name finds nothing', async () => {
      const found = async (q: string) =>
        (await caseload({ q, minPosition: registeredAt })).items.map((i: { clientId: string }) => i.clientId);
      expect(await found('한 민지')).toEqual([clientId]);
      expect(await found('  한  민지')).toEqual([clientId]);
      expect(await found('01048219073')).toEqual([clientId]);
      expect(await found('010-4821-9073')).toEqual([clientId]);
      expect(await found('민지')).toEqual([]);
      expect(await found('010-4821-9074')).toEqual([]);
    });

    it('sorting by name is a 400 that lists the sorts there are', async () => {
      const refused = await counselor.get('/caseload').query({ centerId: 'center-naju', sort: 'name' }).expect(400);
      expect(refused.body.error.fields).toEqual([
        expect.objectContaining({
          field: 'sort',
          message: expect.stringContaining('registered, lastContact, nextActionDue'),
        }),
      ]);
    });

    it('a new phone: the event carries her whole identity sealed anew (not the phone), the caseload and the search follow', async () => {
      await consent(clientId);
      const updated = await counselor
        .patch(`/clients/${clientId}/profile`)
        .send({ phone: '010-7310-2264', desiredOccupation: '회계사무원' })
        .expect(200);
      const change = (await rawEvents(clientId)).find((e) => e.event_type === 'ClientProfileUpdated')!;
      expect(change.schema_version).toBe(3);
      expect(change.data).toEqual({
        clientId,
        changes: { desiredOccupation: '회계사무원' },
        personal: expect.stringMatching(/^pd1\./),
        sealedKeys: expect.stringMatching(/^pd1\./),
      });
      expect(JSON.stringify(change)).not.toContain('7310');
      expect(await vault.openFields(clientId, change.data.personal)).toEqual({
        status: 'open',
        fields: { name: '한 민지', birthDate: '1983-09-27', phone: '010-7310-2264' },
      });
      expect(await itemOf(clientId, updated.body.position)).toMatchObject({ name: '한 민지', phone: '010-7310-2264' });
      expect((await caseload({ q: '010-7310-2264' })).items.map((i: { clientId: string }) => i.clientId)).toEqual([
        clientId,
      ]);
      expect((await caseload({ q: '010-4821-9073' })).items).toEqual([]);
    });

    it('a profile change that touches no identity field carries no envelope; one that changes nothing is NOTHING_CHANGED (compared with her opened identity)', async () => {
      await counselor.patch(`/clients/${clientId}/profile`).send({ careerBreakYears: 4 }).expect(200);
      const last = (await rawEvents(clientId)).at(-1)!;
      expect(last.data).toEqual({ clientId, changes: { careerBreakYears: 4 } });
      const same = await counselor
        .patch(`/clients/${clientId}/profile`)
        .send({ name: '한 민지', phone: '010-7310-2264' })
        .expect(422);
      expect(same.body.error.code).toBe('NOTHING_CHANGED');
    });
  });

  describe('erasure (POST /clients/:id/erasure)', () => {
    const sora = { name: '오소라', birthDate: '1979-02-11', phone: '010-6652-3018' };
    let clientId: string;
    let first: Record<string, any>;

    const registrationKey = `sora-registration-${Date.now()}`;
    const idempotencyRow = async (key: string) =>
      (
        await saeil.runtime.dataSource.query(
          `SELECT command_type, request_hash FROM idempotency_keys WHERE idempotency_key = $1`,
          [key],
        )
      )[0] as { command_type: string; request_hash: string };

    beforeAll(async () => {
      clientId = (await register(sora).set('Idempotency-Key', registrationKey).expect(201)).body.clientId;
      await consent(clientId);
    });

    it("a counselor may not erase (403); another center's supervisor does not see her (404); a bad reason is a 400 naming the field", async () => {
      const refused = await counselor.post(`/clients/${clientId}/erasure`).send({ reason: 'client_request' });
      expect(refused.status).toBe(403);
      await (
        await api(saeil, supervisorOf('center-jinju'))
      )
        .post(`/clients/${clientId}/erasure`)
        .send({ reason: 'client_request' })
        .expect(404);
      const bad = await supervisor
        .post(`/clients/${clientId}/erasure`)
        .send({ reason: 'because', note: '' })
        .expect(400);
      expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['note', 'reason']);
      expect((await rawEvents(clientId)).map((e) => e.event_type)).toEqual(['ClientRegistered', 'ConsentGiven']);
    });

    it('retention_period_ended on a case that is still open is refused with RETENTION_PERIOD_NOT_ENDED', async () => {
      const refused = await supervisor
        .post(`/clients/${clientId}/erasure`)
        .send({ reason: 'retention_period_ended' })
        .expect(422);
      expect(refused.body.error).toMatchObject({ code: 'RETENTION_PERIOD_NOT_ENDED', details: { closedOn: null } });
    });

    it('her supervisor erases her: ClientDataErased, her key destroyed and her identity keys deleted in one transaction', async () => {
      const supervisorAccount = (await supervisor.get('/auth/me').expect(200)).body.accountId;
      const erased = await supervisor
        .post(`/clients/${clientId}/erasure`)
        .send({ reason: 'client_request', note: '본인 전화 요청' })
        .expect(200);
      first = erased.body;
      expect(first).toEqual({
        clientId,
        reason: 'client_request',
        erasedOn: today,
        streamVersion: 3,
        position: expect.any(Number),
        duplicate: false,
      });
      const events = await rawEvents(clientId);
      expect(events.at(-1)).toMatchObject({
        event_type: 'ClientDataErased',
        data: { clientId, reason: 'client_request', erasedOn: today, note: '본인 전화 요청' },
        metadata: { actorId: supervisorAccount, centerId: 'center-naju' },
      });
      const [key] = await saeil.runtime.dataSource.query(
        `SELECT wrapped_key, master_key_id, erasure_reason, erased_by FROM keystore.privacy_data_keys WHERE client_id = $1`,
        [clientId],
      );
      expect(key).toEqual({
        wrapped_key: null,
        master_key_id: null,
        erasure_reason: 'client_request',
        erased_by: supervisorAccount,
      });
      const [{ n }] = await saeil.runtime.dataSource.query(
        `SELECT count(*)::int AS n FROM client_identity_keys WHERE client_id = $1`,
        [clientId],
      );
      expect(n).toBe(0);
      // Every envelope of hers, the registration's included, is unreadable for good.
      expect(await vault.openFields(clientId, events[0].data.personal)).toMatchObject({
        status: 'erased',
        reason: 'client_request',
      });
    });

    it("her registration's request hash (an unkeyed SHA-256 of her name, birth date and phone) was forgotten with her; a retry of it still answers the first registration", async () => {
      expect(await idempotencyRow(registrationKey)).toEqual({
        command_type: 'RegisterClient',
        request_hash: FORGOTTEN_REQUEST,
      });
      const retry = await register(sora).set('Idempotency-Key', registrationKey).expect(200);
      expect(retry.body).toMatchObject({ clientId, duplicate: true });
      // Another woman's requests keep theirs.
      const otherKey = `other-registration-${Date.now()}`;
      await register({ name: '변하늘', birthDate: '1985-04-02', phone: '010-2290-4471' })
        .set('Idempotency-Key', otherKey)
        .expect(201);
      expect((await idempotencyRow(otherKey)).request_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('erasing her again answers the first erasure (200, duplicate) and appends nothing; so do five at once', async () => {
      const again = await supervisor
        .post(`/clients/${clientId}/erasure`)
        .send({ reason: 'client_request' })
        .expect(200);
      expect(again.body).toEqual({ ...first, duplicate: true });
      const many = await Promise.all(
        Array.from({ length: 5 }, () =>
          supervisor.post(`/clients/${clientId}/erasure`).send({ reason: 'client_request' }),
        ),
      );
      expect(many.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect((await rawEvents(clientId)).filter((e) => e.event_type === 'ClientDataErased')).toHaveLength(1);
    });

    it('the caseload shows her as erased (no name, birth date or phone; her birth year, status and counts stay) and no search finds her', async () => {
      expect(await itemOf(clientId, first.position)).toMatchObject({
        clientId,
        name: null,
        birthDate: null,
        phone: null,
        birthYear: 1979,
        erased: true,
        status: 'intake',
      });
      const [row] = await saeil.runtime.dataSource.query(
        `SELECT personal, erased_at FROM rm_caseload WHERE client_id = $1`,
        [clientId],
      );
      expect(row).toEqual({ personal: null, erased_at: expect.any(Date) });
      expect(
        await saeil.runtime.dataSource.query(`SELECT 1 FROM client_search_keys WHERE client_id = $1`, [clientId]),
      ).toEqual([]);
      expect((await caseload({ q: sora.phone })).items).toEqual([]);
    });

    it('after the erasure, intake commands on her case are CLIENT_DATA_ERASED, and so is a new record in another context', async () => {
      const refusals = [
        await counselor.patch(`/clients/${clientId}/profile`).send({ desiredOccupation: '요양보호사' }),
        await counselor
          .post(`/clients/${clientId}/consents`)
          .send({ purpose: 'employer_sharing', version: '2026-01', givenOn: today }),
        await counselor.post(`/clients/${clientId}/closure`).send({ reason: '종결', closedOn: today }),
        await counselor.post(`/clients/${clientId}/assignment`).send({ centerId: 'center-naju', counselorId: park }),
        await counselor
          .post(`/clients/${clientId}/counseling-sessions`)
          .send({ channel: 'phone', topic: '근황', durationMinutes: 10, occurredOn: today }),
        await counselor
          .post(`/clients/${clientId}/counseling-sessions`)
          .send({ channel: 'phone', topic: '근황', durationMinutes: 10, notes: '재등록 문의', occurredOn: today }),
      ];
      expect(refusals.map((r) => [r.status, r.body.error?.code])).toEqual(
        Array.from({ length: 6 }, () => [422, 'CLIENT_DATA_ERASED']),
      );
      expect((await rawEvents(clientId)).at(-1)!.event_type).toBe('ClientDataErased');
    });

    it('she may register again as a new person (her identity keys are gone)', async () => {
      const again = await register(sora).expect(201);
      expect(again.body.clientId).not.toBe(clientId);
    });
  });

  describe('the retention-period job (clock pinned)', () => {
    const services = (day: string, env: Record<string, unknown> = {}): WorkerServices => ({
      config: { ...saeil.config, ...env } as WorkerServices['config'],
      store: saeil.runtime.store,
      dataSource: saeil.runtime.dataSource,
      clock: fixedClock(day),
      logger: pino({ level: 'silent' }),
    });
    const closedCase = async (n: number, closedOn: string, reopenedOn?: string) => {
      const clientId = (
        await register({
          name: `보존기간${n}`,
          birthDate: '1980-05-0' + n,
          phone: `010-5550-00${String(n).padStart(2, '0')}`,
        }).expect(201)
      ).body.clientId;
      await counselor.post(`/clients/${clientId}/closure`).send({ reason: '연락 두절', closedOn }).expect(200);
      if (reopenedOn)
        await counselor.post(`/clients/${clientId}/reopening`).send({ reason: '재상담', reopenedOn }).expect(200);
      return clientId;
    };
    const erasuresOf = async (clientId: string) =>
      (await rawEvents(clientId)).filter((e) => e.event_type === 'ClientDataErased');

    it('erases, with reason retention_period_ended and actor system:retention, exactly the cases closed longer than PERSONAL_DATA_RETENTION_DAYS; two runs at once erase each once', async () => {
      const days = saeil.config.PERSONAL_DATA_RETENTION_DAYS;
      expect(days).toBe(1095);
      const past = await closedCase(1, addDays(today, -(days + 1)));
      const lastDayKept = await closedCase(2, addDays(today, -days));
      const reopened = await closedCase(3, addDays(today, -(days + 30)), addDays(today, -(days + 10)));

      const [a, b] = await Promise.all([
        eraseClientsPastRetention(services(today)),
        eraseClientsPastRetention(services(today)),
      ]);
      expect(a + b).toBe(1);
      expect(await erasuresOf(past)).toEqual([
        expect.objectContaining({
          data: { clientId: past, reason: 'retention_period_ended', erasedOn: today },
          metadata: expect.objectContaining({ actorId: 'system:retention', centerId: 'center-naju' }),
        }),
      ]);
      expect(await erasuresOf(lastDayKept)).toEqual([]);
      expect(await erasuresOf(reopened)).toEqual([]);
      const [key] = await saeil.runtime.dataSource.query(
        `SELECT wrapped_key, erased_by FROM keystore.privacy_data_keys WHERE client_id = $1`,
        [past],
      );
      expect(key).toEqual({ wrapped_key: null, erased_by: 'system:retention' });

      // The next day, the case closed a day later has passed its period too; a shorter setting reaches further.
      expect(await eraseClientsPastRetention(services(addDays(today, 1)))).toBe(1);
      expect(await erasuresOf(lastDayKept)).toHaveLength(1);
      expect(await eraseClientsPastRetention(services(addDays(today, 1)))).toBe(0);
      expect(await erasuresOf(reopened)).toEqual([]);
    });

    it('runs in the worker: a worker started on a later day (SAEIL_CLOCK_TODAY) erases at once what has passed its period', async () => {
      const clientId = await closedCase(4, addDays(today, -20));
      const later = await startTestSaeil({
        label: 'intake_erasure_worker',
        kafka: false,
        api: false,
        worker: true,
        db: saeil.db,
        env: { SAEIL_CLOCK_TODAY: addDays(today, 10), PERSONAL_DATA_RETENTION_DAYS: '29' },
      });
      try {
        const [erasure] = await waitFor(
          async () => {
            const found = await erasuresOf(clientId);
            return found.length > 0 ? found : undefined;
          },
          { description: 'the worker job erasing her' },
        );
        expect(erasure.data).toEqual({ clientId, reason: 'retention_period_ended', erasedOn: addDays(today, 10) });
      } finally {
        await later.dispose();
      }
    });
  });
});
