import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { clientStreamId, placementsStreamId } from '@saeil/contracts';
import { describeKafka, waitFor } from '../../../tests/support/env';
import { ConsentPurpose, registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { KafkaObserver, observeTopics } from '../../../tests/support/kafka-observer';
import { accountIdOf, Api, api, counselorOf, regionalSupervisorOf } from '../../../tests/support/auth';

/** Placement and startup support through HTTP on PostgreSQL and Kafka, with a budget of 2 teams a year. */
describeKafka('placement context (HTTP, PostgreSQL, Kafka)', () => {
  let saeil: TestSaeil;
  let kafka: KafkaObserver;
  /** Each woman's placements are recorded by a counselor of her center. */
  const counselors: Record<string, Api> = {};
  const centerOfClient = new Map<string, string>();
  /** The counselor of her center (center-naju for an id nobody registered). */
  const counselorFor = (clientId: string): Api => counselors[centerOfClient.get(clientId) ?? 'center-naju'];
  const configDir = mkdtempSync(path.join(tmpdir(), 'saeil-placement-'));

  beforeAll(async () => {
    const configFile = path.join(configDir, 'startup-support.json');
    writeFileSync(configFile, JSON.stringify({ years: { '*': { capPerTeam: 500_000, teamsPerCenter: 2 } } }));
    saeil = await startTestSaeil({ label: 'placement', kafka: true, env: { SAEIL_STARTUP_SUPPORT_FILE: configFile } });
    kafka = await observeTopics(saeil, { contexts: ['placement'] });
    for (const centerId of ['center-naju', 'center-yeongam', 'center-hwasun', 'center-jangseong', 'center-jinju'])
      counselors[centerId] = await api(saeil, counselorOf(centerId));
  });

  afterAll(async () => {
    await kafka?.stop();
    await saeil?.dispose();
    rmSync(configDir, { recursive: true, force: true });
  });

  /** Events written, leaving out the follow-ups the retention reactor and sweep write for earlier placements at their own pace. */
  const eventsButFollowUps = async (): Promise<number> => {
    const [{ n }] = await saeil.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE context <> 'retention'`,
    );
    return n;
  };

  const meta = () => ({
    actorId: 'test',
    centerId: 'center-naju',
    correlationId: 'test',
    occurredAt: new Date().toISOString(),
  });

  /** The test closes cases by appending CaseClosed to her stream directly. */
  async function appendToCase(clientId: string, type: string, data: Record<string, unknown>): Promise<void> {
    await saeil.runtime.store.append(clientStreamId(clientId), [{ type, data: { clientId, ...data } }], {
      context: 'intake',
      expectedVersion: 'any',
      metadata: meta(),
    });
  }

  let clientNo = 100;
  const client = async (options: { consents?: ConsentPurpose[]; centerId?: string } = {}) => {
    const centerId = options.centerId ?? 'center-naju';
    const clientId = await registerClient(saeil, clientNo++, {
      centerId,
      consents: options.consents ?? ['service', 'employer_sharing'],
    });
    centerOfClient.set(clientId, centerId);
    return clientId;
  };

  const job = (overrides: Record<string, unknown> = {}) => ({
    employerName: '(주)나주식품',
    jobTitle: '품질관리 사무원',
    occupation: '0231',
    employmentType: 'regular',
    weeklyHours: 40,
    monthlyWage: 2_350_000,
    startOn: '2026-09-01',
    channel: 'center',
    employmentInsurance: true,
    ...overrides,
  });

  const startJob = (clientId: string, body: Record<string, unknown> = job()) =>
    counselorFor(clientId).post(`/clients/${clientId}/placements`).send(body);
  const endJob = (
    clientId: string,
    placementId: string,
    body: Record<string, unknown> = { endedOn: '2026-10-15', reason: 'contract_ended' },
  ) => counselorFor(clientId).post(`/clients/${clientId}/placements/${placementId}/end`).send(body);
  const voidJob = (clientId: string, placementId: string) =>
    counselorFor(clientId)
      .post(`/clients/${clientId}/placements/${placementId}/void`)
      .send({ reason: '다른 구직자의 기록을 잘못 입력함' });
  const placementsOf = (clientId: string) => counselorFor(clientId).get(`/clients/${clientId}/placements`);
  const placementEvents = async (clientId: string) =>
    (await saeil.runtime.store.readStream(placementsStreamId(clientId))).map((e) => ({ type: e.type, data: e.data }));

  it('records an employment start via the center: the event in her stream, her center in the metadata, the list from the stream', async () => {
    const clientId = await client();
    const created = await startJob(clientId).expect(201);
    expect(created.body).toMatchObject({ placementId: expect.any(String), streamVersion: 1, duplicate: false });
    const { placementId } = created.body;

    const [stored] = await saeil.runtime.store.readStream(placementsStreamId(clientId));
    expect(stored).toMatchObject({
      type: 'EmploymentStarted',
      context: 'placement',
      data: {
        clientId,
        placementId,
        employerName: '(주)나주식품',
        occupation: '0231',
        occupationGroup: '0',
        monthlyWage: 2_350_000,
        weeklyHours: 40,
        startOn: '2026-09-01',
        channel: 'center',
        employmentInsurance: true,
      },
      metadata: { centerId: 'center-naju', occurredAt: '2026-09-01T00:00:00.000Z' },
    });

    const list = await placementsOf(clientId).expect(200);
    expect(list.body.placements).toEqual([
      expect.objectContaining({ placementId, status: 'active', employerName: '(주)나주식품', startOn: '2026-09-01' }),
    ]);
    expect(list.body.startups).toEqual([]);
    // Her region's supervisor reads her placements; she records none (a case worker's job).
    const regional = await api(saeil, regionalSupervisorOf('전라남도'));
    expect((await regional.get(`/clients/${clientId}/placements`).expect(200)).body).toEqual(list.body);
    expect(
      (
        await regional
          .post(`/clients/${clientId}/placements`)
          .send(job({ employerName: '(주)영산강물류' }))
          .expect(403)
      ).body.error.code,
    ).toBe('ACCESS_DENIED');
  });

  it('refuses a placement on a closed case (422 CASE_CLOSED) and without the employer-sharing consent, appending nothing', async () => {
    const closed = await client();
    await appendToCase(closed, 'CaseClosed', { reason: '연락 두절', closedOn: '2026-08-01' });
    const serviceOnly = await client({ consents: ['service'] });
    const before = await eventsButFollowUps();

    expect((await startJob(closed).expect(422)).body.error.code).toBe('CASE_CLOSED');
    const noSharing = await startJob(serviceOnly).expect(422);
    expect(noSharing.body.error).toMatchObject({
      code: 'CONSENT_REQUIRED',
      details: { missing: ['employer_sharing'] },
    });
    expect(await eventsButFollowUps()).toBe(before);

    // A job she found herself sends nothing to the employer: the service consent suffices.
    await startJob(serviceOnly, job({ channel: 'self' })).expect(201);
  });

  it('keeps one active placement: a second is 422, after the end a new one is accepted, a void frees the slot', async () => {
    const clientId = await client();
    const first = (await startJob(clientId).expect(201)).body.placementId;

    const before = await eventsButFollowUps();
    const second = await startJob(clientId, job({ employerName: '(주)영산강물류', startOn: '2026-09-15' })).expect(422);
    expect(second.body.error).toMatchObject({ code: 'ACTIVE_PLACEMENT_EXISTS', details: { placementId: first } });
    expect(
      (await endJob(clientId, first, { endedOn: '2026-08-31', reason: 'resigned' }).expect(422)).body.error.code,
    ).toBe('DATES_OUT_OF_ORDER');
    expect(await eventsButFollowUps()).toBe(before);

    await endJob(clientId, first).expect(200);
    expect((await endJob(clientId, first).expect(422)).body.error.code).toBe('PLACEMENT_ALREADY_ENDED');
    const next = (
      await startJob(
        clientId,
        job({ employerName: '(주)영산강물류', startOn: '2026-10-20', employmentType: 'contract' }),
      ).expect(201)
    ).body.placementId;

    await voidJob(clientId, next).expect(200);
    expect((await voidJob(clientId, next).expect(422)).body.error.code).toBe('PLACEMENT_VOIDED');
    const third = (await startJob(clientId, job({ employerName: '(주)영산강물류', startOn: '2026-10-20' })).expect(201))
      .body.placementId;

    expect((await placementEvents(clientId)).map((e) => e.type)).toEqual([
      'EmploymentStarted',
      'EmploymentEnded',
      'EmploymentStarted',
      'PlacementVoided',
      'EmploymentStarted',
    ]);
    const list = await placementsOf(clientId).expect(200);
    expect(list.body.placements.map((p: { placementId: string; status: string }) => [p.placementId, p.status])).toEqual(
      [
        [first, 'ended'],
        [next, 'voided'],
        [third, 'active'],
      ],
    );
    expect(list.body.placements[0]).toMatchObject({ endedOn: '2026-10-15', endReason: 'contract_ended' });
  });

  it("answers 404 for an unknown client or placement, or another center's, and 400 naming the malformed id or field", async () => {
    const clientId = await client();
    const placed = await client();
    const placementId = (await startJob(placed).expect(201)).body.placementId as string;
    const before = await eventsButFollowUps();
    await startJob(randomUUID()).expect(404);
    await placementsOf(randomUUID()).expect(404);
    expect((await endJob(clientId, randomUUID()).expect(404)).body.error.code).toBe('NOT_FOUND');
    expect((await voidJob(clientId, randomUUID()).expect(404)).body.error.code).toBe('NOT_FOUND');
    // To another center's counselor (or another region's supervisor) she is unknown: 404 for her and her placement.
    const other = counselors['center-jinju'];
    expect((await other.post(`/clients/${clientId}/placements`).send(job()).expect(404)).body.error.code).toBe(
      'NOT_FOUND',
    );
    await other.get(`/clients/${placed}/placements`).expect(404);
    await other
      .post(`/clients/${placed}/placements/${placementId}/end`)
      .send({ endedOn: '2026-10-15', reason: 'contract_ended' })
      .expect(404);
    await other
      .post(`/clients/${placed}/placements/${placementId}/void`)
      .send({ reason: '다른 구직자의 기록을 잘못 입력함' })
      .expect(404);
    await other
      .post(`/clients/${clientId}/startups`)
      .send({ businessName: '카페', industry: '음식점업', startedOn: '2026-06-01' })
      .expect(404);
    await (await api(saeil, regionalSupervisorOf('경상남도'))).get(`/clients/${placed}/placements`).expect(404);

    const fieldsOf = (response: request.Response) => [
      ...new Set(response.body.error.fields.map((f: { field: string }) => f.field)),
    ];
    expect(fieldsOf(await startJob('not-a-uuid').expect(400))).toEqual(['clientId']);
    expect(fieldsOf(await endJob(clientId, 'nope').expect(400))).toEqual(['placementId']);
    expect(fieldsOf(await placementsOf('nope').expect(400))).toEqual(['clientId']);
    const bad = await startJob(
      clientId,
      job({ weeklyHours: 81, monthlyWage: -1, employmentType: 'freelance', startOn: '2026-02-30', extra: 1 }),
    ).expect(400);
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining(['weeklyHours', 'monthlyWage', 'employmentType', 'startOn', 'extra']),
    );
    expect((await startJob(clientId, job({ startOn: '2099-01-01' })).expect(422)).body.error.code).toBe(
      'DATE_IN_FUTURE',
    );
    expect(await eventsButFollowUps()).toBe(before);
  });

  it('a repeated Idempotency-Key answers the first placement and records it once', async () => {
    const clientId = await client();
    const first = await startJob(clientId).set('Idempotency-Key', `placement-form-${clientId}`).expect(201);
    const again = await startJob(clientId).set('Idempotency-Key', `placement-form-${clientId}`).expect(200);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    expect(await placementEvents(clientId)).toHaveLength(1);
  });

  describe('startup support (config: 500,000 KRW per team, 2 teams a year per center)', () => {
    const startBusiness = async (clientId: string, extra: Record<string, unknown> = {}) =>
      (
        await counselorFor(clientId)
          .post(`/clients/${clientId}/startups`)
          .send({ businessName: '나주 공방', industry: '공예품 제조', startedOn: '2026-06-01', ...extra })
          .expect(201)
      ).body.startupId as string;
    const grant = (clientId: string, startupId: string, amount: number) =>
      counselorFor(clientId)
        .post(`/clients/${clientId}/startups/${startupId}/grants`)
        .send({ amount, paidOn: '2026-07-10' });

    it('holds the cap per team and the number of teams per center and year; refusals append nothing', async () => {
      const [a, b, c] = [
        await client({ centerId: 'center-yeongam' }),
        await client({ centerId: 'center-yeongam' }),
        await client({ centerId: 'center-yeongam' }),
      ];
      const [startupA, startupB, startupC] = [await startBusiness(a), await startBusiness(b), await startBusiness(c)];

      await grant(a, startupA, 300_000).expect(201);
      const before = await eventsButFollowUps();
      const over = await grant(a, startupA, 200_001).expect(422);
      expect(over.body.error).toMatchObject({
        code: 'GRANT_OVER_CAP',
        details: { capPerTeam: 500_000, alreadyPaid: 300_000, remaining: 200_000 },
      });
      expect(await eventsButFollowUps()).toBe(before);
      await grant(a, startupA, 200_000).expect(201);

      await grant(b, startupB, 100_000).expect(201);
      const third = await grant(c, startupC, 100_000).expect(422);
      expect(third.body.error).toMatchObject({
        code: 'GRANT_TEAMS_EXHAUSTED',
        details: { centerId: 'center-yeongam', grantYear: 2026, teamsPerCenter: 2, fundedTeams: 2 },
      });
      await grant(b, startupB, 100_000).expect(201); // a funded team takes no new slot

      const list = await placementsOf(a).expect(200);
      expect(list.body.startups).toEqual([
        expect.objectContaining({
          startupId: startupA,
          grants: [
            { amount: 300_000, paidOn: '2026-07-10', grantYear: 2026 },
            { amount: 200_000, paidOn: '2026-07-10', grantYear: 2026 },
          ],
        }),
      ]);
      const ledger = await saeil.runtime.dataSource.query(
        `SELECT team_key, total_amount::int AS total FROM startup_grant_teams WHERE center_id = 'center-yeongam' ORDER BY total DESC`,
      );
      expect(ledger).toEqual([
        { team_key: startupA, total: 500_000 },
        { team_key: startupB, total: 200_000 },
      ]);
    });

    it('co-founders of one team share the cap across their own streams', async () => {
      const [d, e] = [await client({ centerId: 'center-hwasun' }), await client({ centerId: 'center-hwasun' })];
      const [startupD, startupE] = [
        await startBusiness(d, { teamId: 'team-hwasun-1' }),
        await startBusiness(e, { teamId: 'team-hwasun-1' }),
      ];
      await grant(d, startupD, 400_000).expect(201);
      expect((await grant(e, startupE, 100_001).expect(422)).body.error).toMatchObject({
        code: 'GRANT_OVER_CAP',
        details: { alreadyPaid: 400_000 },
      });
      await grant(e, startupE, 100_000).expect(201);
    });

    it('two counselors paying the last slot at the same moment: one is paid, the other refused', async () => {
      const [f, g, h] = [
        await client({ centerId: 'center-jangseong' }),
        await client({ centerId: 'center-jangseong' }),
        await client({ centerId: 'center-jangseong' }),
      ];
      const [startupF, startupG, startupH] = [await startBusiness(f), await startBusiness(g), await startBusiness(h)];
      await grant(f, startupF, 100_000).expect(201);
      const results = await Promise.all([grant(g, startupG, 100_000), grant(h, startupH, 100_000)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
      expect(results.find((r) => r.status === 422)!.body.error.code).toBe('GRANT_TEAMS_EXHAUSTED');
      const [{ n }] = await saeil.runtime.dataSource.query(
        `SELECT count(*)::int AS n FROM events WHERE event_type = 'StartupGrantPaid' AND data->>'centerId' = 'center-jangseong'`,
      );
      expect(n).toBe(2);
    });

    it('refuses a grant for an unknown startup (404) and a business on a closed case', async () => {
      const clientId = await client();
      await grant(clientId, randomUUID(), 1000).expect(404);
      await appendToCase(clientId, 'CaseClosed', { reason: '종결', closedOn: '2026-08-01' });
      const closed = await counselorFor(clientId)
        .post(`/clients/${clientId}/startups`)
        .send({ businessName: '카페', industry: '음식점업', startedOn: '2026-06-01' })
        .expect(422);
      expect(closed.body.error.code).toBe('CASE_CLOSED');
    });
  });

  it('accepts StartEmployment on the Kafka command topic with the client id in the payload, as the account of its token', async () => {
    const clientId = await client();
    // The field app acts for the counselor of her center; the actor recorded is that account, not the stated one.
    const reply = await kafka.sendCommand(
      'StartEmployment',
      { clientId, ...job() },
      { token: counselorFor(clientId).token, actorId: 'field-app' },
    );
    expect(reply).toMatchObject({ status: 'accepted', result: { placementId: expect.any(String), duplicate: false } });
    expect((await placementEvents(clientId)).map((e) => e.type)).toEqual(['EmploymentStarted']);
    const [started] = await saeil.runtime.store.readStream(placementsStreamId(clientId));
    expect(started.metadata).toMatchObject({
      actorId: await accountIdOf(saeil, counselorOf('center-naju')),
      centerId: 'center-naju',
    });
  });

  it('publishes every placement event on the placement topic, keyed by her stream', async () => {
    const clientId = await client();
    const placementId = (await startJob(clientId).expect(201)).body.placementId;
    await endJob(clientId, placementId).expect(200);
    const startupId = (
      await counselorFor(clientId)
        .post(`/clients/${clientId}/startups`)
        .send({ businessName: '꽃집', industry: '소매업', startedOn: '2026-10-20' })
        .expect(201)
    ).body.startupId;
    await counselorFor(clientId)
      .post(`/clients/${clientId}/startups/${startupId}/grants`)
      .send({ amount: 250_000, paidOn: '2026-11-02' })
      .expect(201);
    const voided = await client();
    const mistaken = (await startJob(voided).expect(201)).body.placementId;
    await voidJob(voided, mistaken).expect(200);

    const mine = await waitFor(
      async () => {
        const found = kafka.published.filter(
          (m) => m.key === placementsStreamId(clientId) || m.key === placementsStreamId(voided),
        );
        return found.length >= 6 ? found : undefined;
      },
      { timeoutMs: 30_000, description: 'six placement events on the topic' },
    );
    expect(mine.map((m) => m.type)).toEqual(
      expect.arrayContaining([
        'EmploymentStarted',
        'EmploymentEnded',
        'StartupStarted',
        'StartupGrantPaid',
        'PlacementVoided',
      ]),
    );
    expect(mine.find((m) => m.type === 'StartupGrantPaid')!.data).toMatchObject({
      clientId,
      startupId,
      amount: 250_000,
      grantYear: 2026,
      centerId: 'center-naju',
    });
    expect(mine.find((m) => m.type === 'PlacementVoided')!.data).toMatchObject({
      clientId: voided,
      placementId: mistaken,
    });
  });
});
