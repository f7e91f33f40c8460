import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { internshipStreamId } from '@saeil/contracts';
import { describeKafka, waitFor } from '../../../tests/support/env';
import { ConsentPurpose, countEvents, registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { KafkaObserver, observeTopics } from '../../../tests/support/kafka-observer';
import { accountIdOf, Api, api, counselorOf } from '../../../tests/support/auth';

/** The schedule this test runs under (through SAEIL_INTERNSHIP_SUBSIDIES_FILE, as a deployment would). */
const schedule = {
  programs: [
    {
      programYear: 2025,
      region: '*',
      conversionWindowDays: 30,
      payments: [
        { no: 1, kind: 'monthly', recipient: 'employer', amount: 800000, month: 1 },
        { no: 2, kind: 'monthly', recipient: 'employer', amount: 800000, month: 2 },
        { no: 3, kind: 'monthly', recipient: 'employer', amount: 800000, month: 3 },
        { no: 4, kind: 'retention_bonus', recipient: 'employer', amount: 800000, monthsAfterConversion: 6 },
        { no: 5, kind: 'retention_bonus', recipient: 'worker', amount: 600000, monthsAfterConversion: 6 },
      ],
    },
  ],
};

describeKafka('internships through HTTP on PostgreSQL and Kafka', () => {
  let saeil: TestSaeil;
  let kafka: KafkaObserver;
  let clientNo = 100;
  /** A counselor of center-naju, where the women are (the internship is at an employer in 경상남도). */
  let http: Api;
  /** A counselor of another center. */
  let jinju: Api;

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'saeil-internship-')), 'subsidies.json');
    writeFileSync(file, JSON.stringify(schedule));
    saeil = await startTestSaeil({ label: 'internship', kafka: true, env: { SAEIL_INTERNSHIP_SUBSIDIES_FILE: file } });
    kafka = await observeTopics(saeil, { contexts: ['internship'] });
    http = await api(saeil, counselorOf('center-naju'));
    jinju = await api(saeil, counselorOf('center-jinju'));
  });

  afterAll(async () => {
    await kafka?.stop();
    await saeil?.dispose();
  });

  const registeredClient = (consents: ConsentPurpose[] = ['service', 'employer_sharing']) =>
    registerClient(saeil, ++clientNo, { consents, givenOn: '2025-08-01' });

  const internship = (clientId: string, overrides: Record<string, unknown> = {}) => ({
    clientId,
    employerId: 'employer-jinju-care',
    employerName: '진주요양병원',
    jobTitle: '간호조무사',
    startOn: '2025-09-01',
    plannedEndOn: '2025-11-30',
    region: '경상남도',
    ...overrides,
  });
  const start = (body: Record<string, unknown>) => http.post('/internships').send(body);
  const pay = (internshipId: string, body: Record<string, unknown>) =>
    http.post(`/internships/${internshipId}/subsidy-payments`).send(body);
  const monthly = (paymentNo: number, paidOn: string) => ({
    paymentNo,
    kind: 'monthly',
    recipient: 'employer',
    amount: 800000,
    paidOn,
  });
  const stream = (internshipId: string) => saeil.runtime.store.readStream(internshipStreamId(internshipId));

  it('starts, completes and converts an internship, and pays the subsidies of the configured schedule', async () => {
    const clientId = await registeredClient();
    const started = await start(internship(clientId)).expect(201);
    expect(started.body).toMatchObject({
      internshipId: expect.any(String),
      clientId,
      streamVersion: 1,
      duplicate: false,
    });
    const { internshipId } = started.body;

    await pay(internshipId, monthly(1, '2025-10-01')).expect(201);
    await pay(internshipId, monthly(2, '2025-11-03')).expect(201);
    await http
      .post(`/internships/${internshipId}/end`)
      .send({ endedOn: '2025-11-30', reason: 'completed' })
      .expect(200);
    const conversion = await http
      .post(`/internships/${internshipId}/conversion`)
      .send({ convertedOn: '2025-12-01', jobTitle: '간호조무사', employmentType: 'regular' })
      .expect(200);
    expect(conversion.body).toMatchObject({ internshipId, clientId, streamVersion: 5 });
    await pay(internshipId, monthly(3, '2025-12-05')).expect(201);
    await pay(internshipId, {
      paymentNo: 4,
      kind: 'retention_bonus',
      recipient: 'employer',
      amount: 800000,
      paidOn: '2026-06-01',
    }).expect(201);
    await pay(internshipId, {
      paymentNo: 5,
      kind: 'retention_bonus',
      recipient: 'worker',
      amount: 600000,
      paidOn: '2026-06-02',
    }).expect(201);

    const events = await stream(internshipId);
    expect(events.map((e) => e.type)).toEqual([
      'InternshipStarted',
      'InternshipSubsidyPaid',
      'InternshipSubsidyPaid',
      'InternshipEnded',
      'InternshipConverted',
      'InternshipSubsidyPaid',
      'InternshipSubsidyPaid',
      'InternshipSubsidyPaid',
    ]);
    expect(events[0].data).toEqual({
      internshipId,
      clientId,
      centerId: 'center-naju',
      employerId: 'employer-jinju-care',
      employerName: '진주요양병원',
      jobTitle: '간호조무사',
      startOn: '2025-09-01',
      plannedEndOn: '2025-11-30',
      programYear: 2025,
      region: '경상남도',
    });
    const payments = events
      .filter((e) => e.type === 'InternshipSubsidyPaid')
      .map((e) => [e.data.paymentNo, e.data.recipient, e.data.amount]);
    expect(payments).toEqual([
      [1, 'employer', 800000],
      [2, 'employer', 800000],
      [3, 'employer', 800000],
      [4, 'employer', 800000],
      [5, 'worker', 600000],
    ]);
    expect(events[4].data).toMatchObject({ convertedOn: '2025-12-01', employmentType: 'regular' });
    expect(events[4].metadata).toMatchObject({ centerId: 'center-naju', occurredAt: '2025-12-01T00:00:00.000Z' });

    // Another center's counselor reaches neither her nor her internship: 404, as for unknown ones, and nothing is appended.
    const before = await countEvents(saeil);
    expect(
      (
        await jinju
          .post('/internships')
          .send(internship(clientId, { startOn: '2026-01-05', plannedEndOn: '2026-03-31' }))
          .expect(404)
      ).body.error.code,
    ).toBe('NOT_FOUND');
    expect(
      (await jinju.post(`/internships/${internshipId}/subsidy-payments`).send(monthly(3, '2025-12-06')).expect(404))
        .body.error.code,
    ).toBe('NOT_FOUND');
    await jinju
      .post(`/internships/${internshipId}/end`)
      .send({ endedOn: '2025-12-31', reason: 'completed' })
      .expect(404);
    await jinju
      .post(`/internships/${internshipId}/conversion`)
      .send({ convertedOn: '2025-12-01', jobTitle: '간호조무사', employmentType: 'regular' })
      .expect(404);
    expect(await countEvents(saeil)).toBe(before);

    await waitFor(async () => kafka.published.filter((p) => p.key === internshipStreamId(internshipId)).length >= 8, {
      timeoutMs: 30_000,
      description: 'internship events on the internship topic',
    });
    expect(kafka.published.filter((p) => p.key === internshipStreamId(internshipId)).map((p) => p.type)).toEqual(
      events.map((e) => e.type),
    );
  });

  it('refuses payments off the schedule with 422 and appends nothing', async () => {
    const clientId = await registeredClient();
    const { internshipId } = (await start(internship(clientId)).expect(201)).body;
    await pay(internshipId, monthly(1, '2025-10-01')).expect(201);
    const before = await countEvents(saeil);

    const amount = await pay(internshipId, { ...monthly(2, '2025-11-03'), amount: 1000000 }).expect(422);
    expect(amount.body.error).toMatchObject({
      code: 'SUBSIDY_AMOUNT_MISMATCH',
      details: { expected: 800000, given: 1000000 },
    });
    expect((await pay(internshipId, monthly(6, '2025-11-03')).expect(422)).body.error.code).toBe(
      'SUBSIDY_NOT_IN_SCHEDULE',
    );
    expect((await pay(internshipId, monthly(1, '2025-10-02')).expect(422)).body.error.code).toBe(
      'SUBSIDY_ALREADY_PAID',
    );
    expect((await pay(internshipId, monthly(2, '2025-10-30')).expect(422)).body.error.code).toBe('SUBSIDY_NOT_DUE');
    expect((await pay(internshipId, monthly(2, '2025-08-30')).expect(422)).body.error.code).toBe(
      'SUBSIDY_BEFORE_START',
    );
    const bonus = await pay(internshipId, {
      paymentNo: 4,
      kind: 'retention_bonus',
      recipient: 'employer',
      amount: 800000,
      paidOn: '2026-06-01',
    }).expect(422);
    expect(bonus.body.error.code).toBe('CONVERSION_REQUIRED');
    await http.post(`/internships/${internshipId}/end`).send({ endedOn: '2025-10-20', reason: 'quit' }).expect(200);
    const after = await countEvents(saeil);
    expect(after).toBe(before + 1);
    const notInterned = await pay(internshipId, monthly(2, '2025-11-03')).expect(422);
    expect(notInterned.body.error).toMatchObject({
      code: 'MONTH_NOT_INTERNED',
      details: { month: 2, internedThrough: '2025-10-20' },
    });
    const conversion = await http
      .post(`/internships/${internshipId}/conversion`)
      .send({ convertedOn: '2025-10-21', jobTitle: '간호조무사', employmentType: 'regular' })
      .expect(422);
    expect(conversion.body.error.code).toBe('INTERNSHIP_NOT_ACTIVE');
    expect(await countEvents(saeil)).toBe(after);
  });

  it('allows one active internship per client, also when started concurrently; after it ends she may start another', async () => {
    const clientId = await registeredClient();
    const startOnce = async (employerId: string): Promise<request.Response> => {
      for (;;) {
        const response = await start(internship(clientId, { employerId }));
        if (response.status !== 409) return response; // her case was read by another start meanwhile: retry
      }
    };
    const responses = await Promise.all(['employer-a', 'employer-b', 'employer-c'].map(startOnce));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 422, 422]);
    for (const refused of responses.filter((r) => r.status === 422))
      expect(refused.body.error.code).toBe('INTERNSHIP_ALREADY_ACTIVE');
    const [{ n }] = await saeil.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE event_type = 'InternshipStarted' AND data->>'clientId' = $1`,
      [clientId],
    );
    expect(n).toBe(1);

    const active = responses.find((r) => r.status === 201)!.body.internshipId;
    const again = await start(internship(clientId)).expect(422);
    expect(again.body.error).toMatchObject({
      code: 'INTERNSHIP_ALREADY_ACTIVE',
      details: { activeInternshipId: active },
    });
    await http
      .post(`/internships/${active}/end`)
      .send({ endedOn: '2025-09-20', reason: 'quit', note: '통근 거리' })
      .expect(200);
    await start(internship(clientId, { startOn: '2025-10-01', plannedEndOn: '2025-12-31' })).expect(201);
  });

  it('refuses without her employer-sharing consent (422), for an unknown internship (404), and bad input (400); nothing appended', async () => {
    const serviceOnly = await registeredClient(['service']);
    const clientId = await registeredClient();
    const before = await countEvents(saeil);

    const consent = await start(internship(serviceOnly)).expect(422);
    expect(consent.body.error).toMatchObject({ code: 'CONSENT_REQUIRED', details: { missing: ['employer_sharing'] } });
    expect((await start(internship(clientId, { programYear: 2024 })).expect(422)).body.error.code).toBe(
      'SUBSIDY_SCHEDULE_MISSING',
    );
    expect((await start(internship(clientId, { plannedEndOn: '2025-08-01' })).expect(422)).body.error.code).toBe(
      'INTERNSHIP_DATES_INVERTED',
    );
    await start(internship(randomUUID())).expect(404);
    await http
      .post(`/internships/${randomUUID()}/end`)
      .send({ endedOn: '2025-10-01', reason: 'completed' })
      .expect(404);

    const malformed = await http
      .post('/internships/123/end')
      .send({ endedOn: '2025-10-01', reason: 'completed' })
      .expect(400);
    expect(malformed.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['internshipId']);
    // A bad body for an internship that does not exist is a 404, as for another center's (issue 13): the record is checked first.
    const badBody = { paymentNo: 0, kind: 'bonus', recipient: 'employer', amount: 800000, paidOn: '2025-13-01' };
    expect((await pay(randomUUID(), badBody).expect(404)).body.error.code).toBe('NOT_FOUND');
    expect(await countEvents(saeil)).toBe(before);
    const existing = (await start(internship(clientId)).expect(201)).body.internshipId;
    const afterStart = await countEvents(saeil);
    const badPayment = await pay(existing, badBody).expect(400);
    expect(badPayment.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['paymentNo', 'kind', 'paidOn']),
    );
    const badStart = await start({ ...internship(clientId), employerName: ' ', surprise: true }).expect(400);
    expect(badStart.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['employerName', 'surprise']),
    );
    expect(await countEvents(saeil)).toBe(afterStart);
  });

  it('accepts a subsidy payment on the Kafka command topic with the internship id inside the payload, as the account of its token', async () => {
    const clientId = await registeredClient();
    const { internshipId } = (await start(internship(clientId)).expect(201)).body;
    // The subsidy batch acts for center-naju's counselor (the internship follows her case there); its stated actorId is not recorded.
    const reply = await kafka.sendCommand(
      'PayInternshipSubsidy',
      { internshipId, ...monthly(1, '2025-10-01') },
      { token: http.token, actorId: 'subsidy-batch' },
    );
    expect(reply).toMatchObject({ status: 'accepted', result: { internshipId, clientId, streamVersion: 2 } });
    const [, payment] = await stream(internshipId);
    const counselorAccount = await accountIdOf(saeil, counselorOf('center-naju'));
    expect(payment).toMatchObject({
      type: 'InternshipSubsidyPaid',
      data: { paymentNo: 1, amount: 800000 },
      metadata: { actorId: counselorAccount, centerId: 'center-naju' },
    });
  });
});
