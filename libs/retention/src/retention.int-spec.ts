import { followUpsStreamId } from '@saeil/contracts';
import {
  createTestDatabase,
  describeKafka,
  kafkaBrokers,
  TestDatabase,
  uniqueTopicPrefix,
  waitFor,
} from '../../../tests/support/env';
import { registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { observeTopics } from '../../../tests/support/kafka-observer';
import { AppProcess, spawnApp } from '../../../tests/support/processes';
import { reactorProjection } from '@saeil/runtime';
import { followUpQueueProjection } from './projections/follow-up-queue.projection';
import { placementReactions } from './reactions/placement-reactions.reactor';
import {
  accountIdOf,
  Api,
  api,
  counselorAccount,
  counselorOf,
  regionalSupervisorOf,
  supervisorOf,
  TEST_METRICS_TOKEN,
  tokenFor,
} from '../../../tests/support/auth';

/**
 * Retention follow-ups on PostgreSQL and Kafka, with the clock pinned (SAEIL_CLOCK_TODAY) and
 * moved by restarting: placements schedule, void and close follow-ups; the sweep marks each
 * milestone due once and overdue once while two workers (this process and a spawned worker
 * process) run it at the same time, across a SIGKILL and restarts; counselors record follow-ups;
 * the work queue shows what is left.
 *
 * Milestones by hand (window 7 days before, 14 after):
 *   start 2026-01-31: month 1 2026-02-28 [02-21 … 03-14], month 2 03-31 [03-24 … 04-14], month 3 04-30 [04-23 … 05-14]
 *   start 2026-02-10: month 1 2026-03-10 [03-03 … 03-24], month 2 04-10 [04-03 … 04-24], month 3 05-10 [05-03 … 05-24]
 */
describeKafka('retention follow-ups (HTTP, PostgreSQL, Kafka, two workers, clock controlled)', () => {
  let db: TestDatabase;
  const topicPrefix = uniqueTopicPrefix('retention');
  let app: TestSaeil | undefined;
  let worker: AppProcess | undefined;
  /** center-naju's counselor (her women's placements and follow-ups) and supervisor (transfers, the center's queue), logged in on the app running now. */
  let counselor: Api;
  let supervisor: Api;
  /** The counselors her case names (accounts of center-naju; ids, the same on every restart). */
  const counselors = { kim: '', lee: '', park: '' };
  const env = (today: string) => ({ SAEIL_CLOCK_TODAY: today, FOLLOW_UP_SWEEP_INTERVAL_MS: '200' });

  /** This process: api + worker on the shared database and topics, on the given day. */
  const startApp = async (today: string) => {
    app = await startTestSaeil({ label: 'retention', kafka: true, db, topicPrefix, env: env(today) });
    counselor = await api(app, counselorOf('center-naju'));
    supervisor = await api(app, supervisorOf('center-naju'));
    [counselors.kim, counselors.lee, counselors.park] = await Promise.all([
      counselorAccount(app),
      counselorAccount(app, 'center-naju', 'lee'),
      counselorAccount(app, 'center-naju', 'park'),
    ]);
    return app;
  };

  /** A second worker as its own Node process (apps/worker), on the same day. */
  const spawnWorker = async (today: string) => {
    worker = await spawnApp('worker', {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: kafkaBrokers()!.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      KAFKA_TOPIC_PARTITIONS: '3',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      POLL_INTERVAL_MS: '100',
      PORT: '0',
      ...env(today),
    });
    return worker;
  };

  const stopAll = async (signal: NodeJS.Signals = 'SIGTERM') => {
    await worker?.kill(signal);
    worker = undefined;
    await app?.stop();
    app = undefined;
  };

  beforeAll(async () => {
    db = await createTestDatabase('retention');
  });

  afterAll(async () => {
    await stopAll();
    await db?.drop();
  });

  /** Completed follow-up sweeps of one process, from its /metrics (saeil_worker_job_runs_total). */
  const sweepsOf = async (url: string): Promise<number> => {
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
    const line = /^saeil_worker_job_runs_total\{job="follow-up-sweep"\} (\d+)/m.exec(await res.text());
    return line ? Number(line[1]) : 0;
  };
  /**
   * Waits until each running process (this one's worker, and the spawned one when there is one)
   * has completed `more` further sweeps: what the test then counts was left as it is by sweeps
   * that really ran, not by a sleep that hoped they had.
   */
  const moreSweeps = async (more: number) => {
    const urls = [app!.url, ...(worker ? [worker.url] : [])];
    const before = await Promise.all(urls.map(sweepsOf));
    await waitFor(async () => (await Promise.all(urls.map(sweepsOf))).every((n, i) => n >= before[i] + more), {
      description: `${more} more sweeps by each of ${urls.length} processes`,
      timeoutMs: 30_000,
    });
  };

  const countOf = async (type: string, placementId?: string): Promise<number> => {
    const [{ n }] = await app!.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE event_type = $1 AND ($2::text IS NULL OR stream_id = $2)`,
      [type, placementId ? followUpsStreamId(placementId) : null],
    );
    return n;
  };
  /** Due/overdue events per milestone, from the store: "placementId:n" → count. */
  const marksPerMilestone = async (type: 'FollowUpDue' | 'FollowUpOverdue'): Promise<Record<string, number>> => {
    const rows: { key: string; n: number }[] = await app!.runtime.dataSource.query(
      `SELECT (data->>'placementId') || ':' || (data->>'n') AS key, count(*)::int AS n FROM events WHERE event_type = $1 GROUP BY 1`,
      [type],
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.n]));
  };
  const followUpEvents = async (placementId: string) =>
    (await app!.runtime.store.readStream(followUpsStreamId(placementId))).map((e) => e.type);
  const waitForEvents = (type: string, count: number, placementId?: string) =>
    waitFor(async () => (await countOf(type, placementId)) >= count, {
      timeoutMs: 30_000,
      description: `${count} × ${type}`,
    });

  const job = (startOn: string, employerName: string) => ({
    employerName,
    jobTitle: '사무원',
    occupation: '0231',
    employmentType: 'regular',
    weeklyHours: 40,
    monthlyWage: 2_300_000,
    startOn,
    channel: 'center',
    employmentInsurance: true,
  });
  const place = async (clientId: string, startOn: string, employerName: string): Promise<string> =>
    (await counselor.post(`/clients/${clientId}/placements`).send(job(startOn, employerName)).expect(201)).body
      .placementId;
  const record = (clientId: string, placementId: string, body: Record<string, unknown>) =>
    counselor.post(`/clients/${clientId}/placements/${placementId}/follow-ups`).send(body);
  const followUp = (n: number, contactedOn: string, extra: Record<string, unknown> = {}) => ({
    n,
    contactedOn,
    channel: 'phone',
    outcome: 'employed_same_employer',
    support: ['counseling'],
    ...extra,
  });

  /** The center's queue lists counselors in the order of their ids (account UUIDs). */
  const byCounselorId = <T extends { counselorId: string }>(rows: T[]) =>
    [...rows]
      .sort((x, y) => x.counselorId.localeCompare(y.counselorId))
      .map((row) => ({ ...row, counselorName: expect.stringMatching(/^t\.counselor\./) }));

  // Filled in as the story goes on.
  const clients: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
  const placements: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };
  const names = { a: '구직자501', b: '구직자502', c: '구직자503', d: '구직자504' };

  it('on 2026-02-20: placements schedule their follow-ups, a void cancels them, an end closes the milestones after it', async () => {
    await startApp('2026-02-20');
    const consents = { consents: ['service', 'employer_sharing'] as ('service' | 'employer_sharing')[] };
    clients.a = await registerClient(app!, 501, { ...consents, counselorId: counselors.kim });
    clients.b = await registerClient(app!, 502, { ...consents, counselorId: counselors.kim });
    clients.c = await registerClient(app!, 503, { ...consents, counselorId: counselors.kim });
    clients.d = await registerClient(app!, 504, { ...consents, counselorId: counselors.lee });
    placements.a = await place(clients.a, '2026-01-31', '(주)나주식품');
    placements.b = await place(clients.b, '2026-01-31', '(주)빛가람물류');
    placements.c = await place(clients.c, '2026-01-31', '나주의료원');
    placements.d = await place(clients.d, '2026-02-10', '(주)혁신도시');
    await counselor
      .post(`/clients/${clients.b}/placements/${placements.b}/void`)
      .send({ reason: '다른 구직자의 기록을 잘못 입력함' })
      .expect(200);
    await counselor
      .post(`/clients/${clients.c}/placements/${placements.c}/end`)
      .send({ endedOn: '2026-02-15', reason: 'contract_ended' })
      .expect(200);

    await waitForEvents('FollowUpsScheduled', 4);
    await waitForEvents('FollowUpsCancelled', 1, placements.b);
    await waitForEvents('FollowUpsClosedByEmploymentEnd', 1, placements.c);

    const [scheduled] = await app!.runtime.store.readStream(followUpsStreamId(placements.a));
    const [started] = (await app!.runtime.store.readStream(`placements-${clients.a}`)).filter(
      (e) => e.type === 'EmploymentStarted',
    );
    expect(scheduled).toMatchObject({
      type: 'FollowUpsScheduled',
      context: 'retention',
      data: {
        clientId: clients.a,
        placementId: placements.a,
        centerId: 'center-naju',
        counselorId: counselors.kim,
        startOn: '2026-01-31',
        milestones: [
          { n: 1, dueOn: '2026-02-28', opensOn: '2026-02-21', closesOn: '2026-03-14' },
          { n: 2, dueOn: '2026-03-31', opensOn: '2026-03-24', closesOn: '2026-04-14' },
          { n: 3, dueOn: '2026-04-30', opensOn: '2026-04-23', closesOn: '2026-05-14' },
        ],
      },
      metadata: {
        centerId: 'center-naju',
        causationId: started.eventId,
        correlationId: started.metadata.correlationId,
      },
    });
    expect(await followUpEvents(placements.b)).toEqual(['FollowUpsScheduled', 'FollowUpsCancelled']);
    const [, closed] = await app!.runtime.store.readStream(followUpsStreamId(placements.c));
    // She left on 2026-02-15, before every milestone: all three are closed as not employed.
    expect(closed.data).toEqual({ placementId: placements.c, endedOn: '2026-02-15', closedMilestones: [1, 2, 3] });
  });

  it('refuses bad input (400 with the fields) and a follow-up before its window (422 FOLLOW_UP_BEFORE_WINDOW), appending nothing', async () => {
    const bad = await record(clients.a, placements.a, {
      n: 4,
      contactedOn: '2026-02-30',
      channel: 'fax',
      outcome: 'fine',
      support: ['money'],
    }).expect(400);
    expect([...new Set(bad.body.error.fields.map((f: { field: string }) => f.field))].sort()).toEqual([
      'channel',
      'contactedOn',
      'n',
      'outcome',
      'support',
    ]);
    const early = await record(clients.a, placements.a, followUp(1, '2026-02-20')).expect(422);
    expect(early.body.error).toMatchObject({
      code: 'FOLLOW_UP_BEFORE_WINDOW',
      details: { n: 1, contactedOn: '2026-02-20', opensOn: '2026-02-21' },
    });
    // Someone else's placement is not hers: 404, like an unknown one.
    await record(clients.a, placements.d, followUp(1, '2026-02-20')).expect(404);
    // Nor is she another center's counselor's to follow up: 404, as an unknown woman.
    const hwasun = await api(app!, counselorOf('center-hwasun'));
    expect(
      (
        await hwasun
          .post(`/clients/${clients.a}/placements/${placements.a}/follow-ups`)
          .send(followUp(1, '2026-02-21'))
          .expect(404)
      ).body.error.code,
    ).toBe('NOT_FOUND');
    expect(await countOf('FollowUpRecorded')).toBe(0);
  });

  it('on 2026-02-20 nothing is due yet: the sweep has run several times and marked nothing', async () => {
    await moreSweeps(3);
    expect(await countOf('FollowUpDue')).toBe(0);
    expect(await countOf('FollowUpOverdue')).toBe(0);
  });

  it("shows the counselor's queue (due this week, upcoming; nothing of the voided or ended placements) and follows a transfer", async () => {
    // Client d moves to counselor-park: her follow-ups go with her.
    const moved = await supervisor
      .post(`/clients/${clients.d}/assignment`)
      .send({ centerId: 'center-naju', counselorId: counselors.park, reason: '담당자 변경' })
      .expect(200);
    const kim = await counselor
      .get('/follow-ups/queue')
      .query({ counselorId: counselors.kim, today: '2026-02-20' })
      .expect(200);
    const a = { clientId: clients.a, clientName: names.a, placementId: placements.a, employerName: '(주)나주식품' };
    expect(kim.body).toEqual({
      counselorId: counselors.kim,
      today: '2026-02-20',
      overdue: [],
      dueThisWeek: [{ ...a, n: 1, dueOn: '2026-02-28', window: { opensOn: '2026-02-21', closesOn: '2026-03-14' } }],
      upcoming: [
        { ...a, n: 2, dueOn: '2026-03-31', window: { opensOn: '2026-03-24', closesOn: '2026-04-14' } },
        { ...a, n: 3, dueOn: '2026-04-30', window: { opensOn: '2026-04-23', closesOn: '2026-05-14' } },
      ],
    });
    const park = await counselor
      .get('/follow-ups/queue')
      .query({ counselorId: counselors.park, today: '2026-02-20', minPosition: moved.body.position })
      .expect(200);
    expect(park.body.consistency).toEqual({ minPosition: moved.body.position, reached: true });
    expect(
      park.body.upcoming.map(
        (i: { placementId: string; n: number }) => `${i.placementId === placements.d ? 'd' : '?'}${i.n}`,
      ),
    ).toEqual(['d1', 'd2', 'd3']);
    const lee = await counselor
      .get('/follow-ups/queue')
      .query({ counselorId: counselors.lee, today: '2026-02-20' })
      .expect(200);
    expect([...lee.body.dueThisWeek, ...lee.body.overdue, ...lee.body.upcoming]).toEqual([]);

    const center = await supervisor
      .get('/follow-ups/queue/by-counselor')
      .query({ centerId: 'center-naju', today: '2026-02-20' })
      .expect(200);
    expect(center.body.counselors).toEqual(
      byCounselorId([
        { counselorId: counselors.kim, dueThisWeek: 1, overdue: 0, upcoming: 2 },
        { counselorId: counselors.park, dueThisWeek: 0, overdue: 0, upcoming: 3 },
      ]),
    );
    await counselor.get('/follow-ups/queue').query({ today: '2026-02-20' }).expect(400);
    await supervisor
      .get('/follow-ups/queue/by-counselor')
      .query({ centerId: 'center-naju', today: '2026-13-01' })
      .expect(400);

    // The region's supervisor sees the same queue; another center's staff see none of center-naju's women
    // (a queue shows only the caller's centers) and its center queue is unknown to them (404).
    const regional = await api(app!, regionalSupervisorOf('전라남도'));
    expect(
      (await regional.get('/follow-ups/queue').query({ counselorId: counselors.kim, today: '2026-02-20' }).expect(200))
        .body,
    ).toEqual(kim.body);
    expect(
      (
        await regional
          .get('/follow-ups/queue/by-counselor')
          .query({ centerId: 'center-naju', today: '2026-02-20' })
          .expect(200)
      ).body,
    ).toEqual(center.body);
    const hwasun = await api(app!, supervisorOf('center-hwasun'));
    const elsewhere = await hwasun
      .get('/follow-ups/queue')
      .query({ counselorId: counselors.kim, today: '2026-02-20' })
      .expect(200);
    expect([...elsewhere.body.dueThisWeek, ...elsewhere.body.overdue, ...elsewhere.body.upcoming]).toEqual([]);
    expect(
      (
        await hwasun
          .get('/follow-ups/queue/by-counselor')
          .query({ centerId: 'center-naju', today: '2026-02-20' })
          .expect(404)
      ).body.error.code,
    ).toBe('NOT_FOUND');
    await (
      await api(app!, regionalSupervisorOf('경상남도'))
    )
      .get('/follow-ups/queue/by-counselor')
      .query({ centerId: 'center-naju', today: '2026-02-20' })
      .expect(404);
  });

  it('on 2026-03-05, with two workers sweeping at once, each milestone whose window opened is due exactly once', async () => {
    await stopAll();
    await startApp('2026-03-05');
    await spawnWorker('2026-03-05');
    // a1 (opened 02-21) and d1 (opened 03-03) are due; c's milestones were all closed by her leaving.
    await waitForEvents('FollowUpDue', 2);
    await moreSweeps(3); // by both workers, each of which found these two due
    expect(await marksPerMilestone('FollowUpDue')).toEqual({ [`${placements.a}:1`]: 1, [`${placements.d}:1`]: 1 });
    expect(await countOf('FollowUpOverdue')).toBe(0);
    const [due] = (await app!.runtime.store.readStream(followUpsStreamId(placements.a))).filter(
      (e) => e.type === 'FollowUpDue',
    );
    expect(due.metadata).toMatchObject({
      actorId: 'system:follow-up-sweep',
      centerId: 'center-naju',
      occurredAt: '2026-03-05T00:00:00.000Z',
    });
  }, 180_000);

  it('records a follow-up (and answers a duplicate with 422 FOLLOW_UP_ALREADY_RECORDED), over HTTP and on the Kafka command topic', async () => {
    // the program it counts toward must be one of her center's (a made-up id is refused: the references test below)
    const program = {
      centerId: 'center-naju',
      name: '같이하는 고백(go 100)',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      milestones: [{ n: 1, plannedClients: 3, benefit: '취업 축하 기념품', unitCost: 30_000 }],
      budget: [{ source: 'national', amount: 90_000 }],
    };
    const programId: string = (await supervisor.post('/retention-programs').send(program).expect(201)).body.programId;
    const body = followUp(1, '2026-03-04', {
      difficulties: ['야간 근무 부담'],
      support: ['counseling', 'gift_or_celebration'],
      programId,
    });
    const key = `follow-up-form-${placements.a}-1`;
    const done = await record(clients.a, placements.a, body).set('Idempotency-Key', key).expect(201);
    expect(done.body).toMatchObject({ placementId: placements.a, n: 1, duplicate: false });
    // The form sent again (a retry after a timeout): the first answer, nothing appended.
    const retried = await record(clients.a, placements.a, body).set('Idempotency-Key', key).expect(200);
    expect(retried.body).toMatchObject({
      placementId: placements.a,
      n: 1,
      duplicate: true,
      position: done.body.position,
    });
    const recorded = (await app!.runtime.store.readStream(followUpsStreamId(placements.a))).find(
      (e) => e.type === 'FollowUpRecorded',
    )!;
    expect(recorded.data).toEqual({
      clientId: clients.a,
      placementId: placements.a,
      n: 1,
      contactedOn: '2026-03-04',
      channel: 'phone',
      outcome: 'employed_same_employer',
      difficulties: ['야간 근무 부담'],
      support: ['counseling', 'gift_or_celebration'],
      programId,
    });
    expect(recorded.metadata).toMatchObject({ centerId: 'center-naju', occurredAt: '2026-03-04T00:00:00.000Z' });
    const again = await record(clients.a, placements.a, followUp(1, '2026-03-05')).expect(422);
    expect(again.body.error).toMatchObject({
      code: 'FOLLOW_UP_ALREADY_RECORDED',
      details: { n: 1, contactedOn: '2026-03-04' },
    });
    await record(clients.a, placements.a, followUp(2, '2026-03-06')).expect(422); // after today (DATE_IN_FUTURE) and before its window

    // A program that does not exist, or another center's, is refused before anything is recorded (issue 13, finding 4).
    const hwasunProgram: string = (
      await (
        await api(app!, supervisorOf('center-hwasun'))
      )
        .post('/retention-programs')
        .send({ ...program, centerId: 'center-hwasun' })
        .expect(201)
    ).body.programId;
    for (const otherProgram of [hwasunProgram, '3b0f6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f', 'go-100-2026']) {
      const refused = await record(
        clients.d,
        placements.d,
        followUp(1, '2026-03-05', { programId: otherProgram }),
      ).expect(422);
      expect(refused.body.error).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        details: { field: 'programId', kind: 'retentionProgram' },
      });
    }
    expect(await countOf('FollowUpRecorded')).toBe(1);

    // The same command on the command topic: d's month 1 (window opened 03-03), recorded by her new
    // counselor (park, of center-naju) with her own account's token; that account is the recorded actor.
    const park = counselorOf('center-naju', 'park');
    const token = await tokenFor(app!.url, park);
    const kafka = await observeTopics(app!, { contexts: [] });
    try {
      const reply = await kafka.sendCommand(
        'RecordFollowUp',
        {
          clientId: clients.d,
          placementId: placements.d,
          ...followUp(1, '2026-03-05', { outcome: 'employed_other_employer', support: [] }),
        },
        { token, actorId: counselors.park },
      );
      expect(reply).toMatchObject({ status: 'accepted' });
      const bad = await kafka.sendCommand(
        'RecordFollowUp',
        { clientId: clients.d, placementId: placements.d, ...followUp(9, '2026-03-05') },
        { token },
      );
      expect(bad).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION_FAILED' } });
      const unknownProgram = await kafka.sendCommand(
        'RecordFollowUp',
        { clientId: clients.d, placementId: placements.d, ...followUp(2, '2026-03-05', { programId: hwasunProgram }) },
        { token },
      );
      expect(unknownProgram).toMatchObject({ status: 'rejected', error: { code: 'REFERENCE_NOT_FOUND' } });
    } finally {
      await kafka.stop();
    }
    expect(await countOf('FollowUpRecorded')).toBe(2);
    const recordedForD = (await app!.runtime.store.readStream(followUpsStreamId(placements.d))).find(
      (e) => e.type === 'FollowUpRecorded',
    )!;
    expect(recordedForD.metadata).toMatchObject({
      actorId: await accountIdOf(app!, park),
      centerId: 'center-naju',
      occurredAt: '2026-03-05T00:00:00.000Z',
    });
  });

  it('on 2026-04-20, after the spawned worker was SIGKILLed and both restarted: a window missed while down is due then overdue, each once; a late record keeps its day', async () => {
    await stopAll('SIGKILL');
    await startApp('2026-04-20');
    await spawnWorker('2026-04-20');
    // Nobody swept between 03-05 and 04-20: a2's whole window (03-24 … 04-14) passed unrecorded →
    // due and overdue now; d2 opened 04-03 → due. a1 and d1 were recorded: never overdue.
    await waitForEvents('FollowUpOverdue', 1);
    await waitForEvents('FollowUpDue', 4);
    await moreSweeps(3);
    expect(await marksPerMilestone('FollowUpOverdue')).toEqual({ [`${placements.a}:2`]: 1 });
    expect(await marksPerMilestone('FollowUpDue')).toEqual({
      [`${placements.a}:1`]: 1,
      [`${placements.d}:1`]: 1,
      [`${placements.a}:2`]: 1,
      [`${placements.d}:2`]: 1,
    });

    const aStream = (await app!.runtime.store.readStream(followUpsStreamId(placements.a))).map(
      (e) => `${e.type}${(e.data as { n?: number }).n ?? ''}`,
    );
    expect(aStream).toEqual([
      'FollowUpsScheduled',
      'FollowUpDue1',
      'FollowUpRecorded1',
      'FollowUpDue2',
      'FollowUpOverdue2',
    ]);

    const queueBefore = await counselor.get('/follow-ups/queue').query({ counselorId: counselors.kim }).expect(200);
    expect(queueBefore.body.today).toBe('2026-04-20');
    expect(queueBefore.body.overdue.map((i: { n: number }) => i.n)).toEqual([2]);
    expect(queueBefore.body.dueThisWeek.map((i: { n: number }) => i.n)).toEqual([3]); // a3 opens 04-23, within the week

    const late = await record(
      clients.a,
      placements.a,
      followUp(2, '2026-04-16', { outcome: 'unreachable', channel: 'message' }),
    ).expect(201);
    const recorded = (await app!.runtime.store.readStream(followUpsStreamId(placements.a)))
      .filter((e) => e.type === 'FollowUpRecorded')
      .at(-1)!;
    expect(recorded.data).toMatchObject({ n: 2, contactedOn: '2026-04-16', outcome: 'unreachable' });

    const queueAfter = await counselor
      .get('/follow-ups/queue')
      .query({ counselorId: counselors.kim, minPosition: late.body.position })
      .expect(200);
    expect(queueAfter.body.overdue).toEqual([]);
    expect(queueAfter.body.dueThisWeek).toEqual([
      {
        clientId: clients.a,
        clientName: names.a,
        placementId: placements.a,
        employerName: '(주)나주식품',
        n: 3,
        dueOn: '2026-04-30',
        window: { opensOn: '2026-04-23', closesOn: '2026-05-14' },
      },
    ]);
    const center = await supervisor
      .get('/follow-ups/queue/by-counselor')
      .query({ centerId: 'center-naju' })
      .expect(200);
    expect(center.body.counselors).toEqual(
      byCounselorId([
        { counselorId: counselors.kim, dueThisWeek: 1, overdue: 0, upcoming: 0 },
        { counselorId: counselors.park, dueThisWeek: 1, overdue: 0, upcoming: 1 },
      ]),
    );
  }, 180_000);
});

/**
 * Embedded mode (no Kafka): the same reactor follows the event store. A reaction delivered again
 * (its checkpoint lost after the command committed) appends nothing; the queue rebuilds to the same
 * rows; the rebuilder refuses the reactor.
 */
describe('retention follow-ups (embedded mode: reactor redelivery, rebuild)', () => {
  let saeil: TestSaeil;

  beforeAll(async () => {
    saeil = await startTestSaeil({
      label: 'retention-embedded',
      kafka: false,
      env: { SAEIL_CLOCK_TODAY: '2026-03-05', FOLLOW_UP_SWEEP_INTERVAL_MS: '200' },
    });
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  const count = async (type: string): Promise<number> => {
    const [{ n }] = await saeil.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE event_type = $1`,
      [type],
    );
    return n;
  };
  /** The stream's event types, sorted: the sweep and the end's reaction may come in either order. */
  const streamTypes = async (placementId: string) =>
    (await saeil.runtime.store.readStream(followUpsStreamId(placementId))).map((e) => e.type).sort();
  const queueRows = () =>
    saeil.runtime.dataSource.query(
      `SELECT placement_id, n, status, due_marked, overdue_marked, to_char(opens_on, 'YYYY-MM-DD') AS opens_on FROM rm_follow_ups ORDER BY placement_id, n`,
    );

  it('schedules and marks due once, and a redelivered placement event appends nothing', async () => {
    const clientId = await registerClient(saeil, 601, { consents: ['service', 'employer_sharing'] });
    const http = await api(saeil, counselorOf('center-naju'));
    const placed = await http
      .post(`/clients/${clientId}/placements`)
      .send({
        employerName: '(주)나주식품',
        jobTitle: '사무원',
        occupation: '0231',
        employmentType: 'regular',
        weeklyHours: 40,
        monthlyWage: 2_300_000,
        startOn: '2026-01-31',
        channel: 'center',
        employmentInsurance: true,
      })
      .expect(201);
    const { placementId } = placed.body;
    await http
      .post(`/clients/${clientId}/placements/${placementId}/end`)
      .send({ endedOn: '2026-03-02', reason: 'contract_ended' })
      .expect(200);
    // Month 1 (window 02-21 … 03-14) is due on 03-05; she left on 03-02, so months 2 and 3 are closed.
    await waitFor(
      async () => (await count('FollowUpDue')) === 1 && (await count('FollowUpsClosedByEmploymentEnd')) === 1,
      { description: 'scheduled, due, closed' },
    );
    expect(await streamTypes(placementId)).toEqual([
      'FollowUpDue',
      'FollowUpsClosedByEmploymentEnd',
      'FollowUpsScheduled',
    ]);

    // Lose the reactor's checkpoint, as a crash after its commands and before its checkpoint would:
    // every placement event comes again.
    const [{ last }] = await saeil.runtime.dataSource.query(
      `SELECT max(global_position)::int AS last FROM events WHERE stream_id = $1`,
      [`placements-${clientId}`],
    );
    // Each reaction stored the result under a key made of its causing event's id.
    const started = (await saeil.runtime.store.readStream(`placements-${clientId}`))[0];
    const keys = await saeil.runtime.dataSource.query(
      `SELECT command_type FROM idempotency_keys WHERE idempotency_key = $1`,
      [`reaction:${placementReactions.name}:${started.eventId}`],
    );
    expect(keys).toEqual([{ command_type: 'SchedulePlacementFollowUps' }]);
    await saeil.runtime.worker.stop();
    await saeil.runtime.dataSource.query(`DELETE FROM checkpoints WHERE name = $1`, [
      `projection:${placementReactions.name}`,
    ]);
    await saeil.runtime.worker.start();
    await waitFor(
      async () => {
        const rows = await saeil.runtime.dataSource.query(
          `SELECT global_position::int AS at FROM checkpoints WHERE name = $1`,
          [`projection:${placementReactions.name}`],
        );
        return rows.length > 0 && rows[0].at >= last;
      },
      { description: 'the reactor read every placement event again' },
    );
    expect(await streamTypes(placementId)).toEqual([
      'FollowUpDue',
      'FollowUpsClosedByEmploymentEnd',
      'FollowUpsScheduled',
    ]);
  });

  it('rebuilds the queue to the same rows, and never rebuilds the reactor', async () => {
    // The previous test waited for the events; the queue applies them a moment later (under load, later still).
    await waitFor(async () => (await queueRows())[0]?.due_marked === true, {
      description: 'the queue applied month 1 due',
    });
    const before = await queueRows();
    expect(before.map((r: { n: number; status: string }) => `${r.n}:${r.status}`)).toEqual([
      '1:open',
      '2:closed',
      '3:closed',
    ]);
    await saeil.runtime.rebuilder.rebuild(followUpQueueProjection);
    expect(await queueRows()).toEqual(before);
    const services = {
      config: saeil.config,
      store: saeil.runtime.store,
      dataSource: saeil.runtime.dataSource,
      clock: saeil.runtime.clock,
      logger: saeil.runtime.logger,
    };
    await expect(saeil.runtime.rebuilder.rebuild(reactorProjection(placementReactions, services))).rejects.toThrow(
      'never rebuilt',
    );
    expect(await count('FollowUpsScheduled')).toBe(1);
  });
});

/**
 * An api with no worker running: no reactor will ever schedule anything, so whatever schedule a
 * follow-up finds, the record itself made it (the worker started later then appends nothing).
 */
describe('a follow-up recorded right after its placement (no worker yet)', () => {
  let saeil: TestSaeil;
  let worker: TestSaeil | undefined;
  let http: Api;
  const placement = (startOn: string) => ({
    employerName: '(주)나주식품',
    jobTitle: '사무원',
    occupation: '0231',
    employmentType: 'regular',
    weeklyHours: 40,
    monthlyWage: 2_300_000,
    startOn,
    channel: 'center',
    employmentInsurance: true,
  });
  const followUp = {
    n: 1,
    contactedOn: '2026-03-04',
    channel: 'phone',
    outcome: 'employed_same_employer',
    support: ['counseling'],
  };

  beforeAll(async () => {
    saeil = await startTestSaeil({
      label: 'retention-no-worker',
      kafka: false,
      worker: false,
      env: { SAEIL_CLOCK_TODAY: '2026-03-05' },
    });
    http = await api(saeil, counselorOf('center-naju'));
  });

  afterAll(async () => {
    await worker?.stop();
    await saeil?.dispose();
  });

  const typesOf = async (placementId: string) =>
    (await saeil.runtime.store.readStream(followUpsStreamId(placementId))).map(
      (e) => `${e.type}:${e.metadata.actorId}`,
    );

  it('is recorded at once: the schedule is made by the record, as the worker would make it, and the worker later adds nothing', async () => {
    const counselorId = await counselorAccount(saeil, 'center-naju');
    const clientId = await registerClient(saeil, 701, { counselorId, consents: ['service', 'employer_sharing'] });
    const { placementId } = (
      await http.post(`/clients/${clientId}/placements`).send(placement('2026-01-31')).expect(201)
    ).body;
    const recorded = await http
      .post(`/clients/${clientId}/placements/${placementId}/follow-ups`)
      .send(followUp)
      .expect(201);
    expect(recorded.body).toMatchObject({ placementId, n: 1 });
    const accountId = await accountIdOf(saeil, counselorOf('center-naju'));
    expect(await typesOf(placementId)).toEqual([
      'FollowUpsScheduled:system:retention',
      `FollowUpRecorded:${accountId}`,
    ]);
    const [scheduled] = await saeil.runtime.store.readStream(followUpsStreamId(placementId));
    const [started] = await saeil.runtime.store.readStream(`placements-${clientId}`);
    expect(scheduled.metadata).toMatchObject({ causationId: started.eventId, centerId: 'center-naju' });
    expect(scheduled.data).toMatchObject({ clientId, placementId, counselorId, startOn: '2026-01-31' });

    // The worker comes up and reads the placement event: its reaction finds the key, appends nothing.
    worker = await startTestSaeil({
      label: 'retention-no-worker',
      kafka: false,
      api: false,
      worker: true,
      db: saeil.db,
      env: { SAEIL_CLOCK_TODAY: '2026-03-05', FOLLOW_UP_SWEEP_INTERVAL_MS: '100000' },
    });
    await waitFor(
      async () => {
        const rows = await saeil.runtime.dataSource.query(
          `SELECT global_position::int AS at FROM checkpoints WHERE name = $1`,
          [`projection:${placementReactions.name}`],
        );
        return rows.length > 0 && rows[0].at >= started.globalPosition;
      },
      { description: 'the reactor read the placement event' },
    );
    expect(await typesOf(placementId)).toEqual([
      'FollowUpsScheduled:system:retention',
      `FollowUpRecorded:${accountId}`,
    ]);
    await worker.stop();
    worker = undefined;
  });

  it('a placement voided before the worker got there refuses its follow-up as cancelled (422), not 404; another woman’s placement stays 404', async () => {
    const clientId = await registerClient(saeil, 702, { consents: ['service', 'employer_sharing'] });
    const { placementId } = (
      await http.post(`/clients/${clientId}/placements`).send(placement('2026-01-30')).expect(201)
    ).body;
    await http.post(`/clients/${clientId}/placements/${placementId}/void`).send({ reason: '잘못 입력함' }).expect(200);
    const refused = await http
      .post(`/clients/${clientId}/placements/${placementId}/follow-ups`)
      .send(followUp)
      .expect(422);
    expect(refused.body.error.code).toBe('FOLLOW_UPS_CANCELLED');

    const other = await registerClient(saeil, 703, { consents: ['service', 'employer_sharing'] });
    const { placementId: hers } = (
      await http.post(`/clients/${other}/placements`).send(placement('2026-01-29')).expect(201)
    ).body;
    const notHers = await http.post(`/clients/${clientId}/placements/${hers}/follow-ups`).send(followUp).expect(404);
    expect(notHers.body.error.message).toBe(`사후관리 일정 ${hers}을(를) 찾을 수 없습니다.`);
    // Nothing was scheduled for her placement by the refused call on another woman's case.
    expect(await typesOf(hers)).toEqual([]);
  });
});
