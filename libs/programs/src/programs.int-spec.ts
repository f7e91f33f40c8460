import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { budgetPlanStreamId, retentionProgramStreamId } from '@saeil/contracts';
import { describeKafka, waitFor } from '../../../tests/support/env';
import { registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { KafkaObserver, observeTopics } from '../../../tests/support/kafka-observer';
import { retentionProgramsProjection } from './projections/retention-programs.projection';
import { accountIdOf, Api, api, counselorOf, regionalSupervisorOf, supervisorOf } from '../../../tests/support/auth';

/** Retention programs through HTTP on PostgreSQL and Kafka: plan, benefits, over-plan override, races, utilization and budget. */
describeKafka('programs context (HTTP, PostgreSQL, Kafka)', () => {
  let saeil: TestSaeil;
  let kafka: KafkaObserver;
  /** center-naju's supervisor sets and amends its programs (supervisors alone); its counselor places women and gives the benefits. */
  let supervisor: Api;
  let http: Api;
  /** A counselor of each center placing women here. */
  const counselors: Record<string, Api> = {};

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'programs', kafka: true });
    kafka = await observeTopics(saeil, { contexts: ['programs'] });
    supervisor = await api(saeil, supervisorOf('center-naju'));
    for (const centerId of ['center-naju', 'center-mokpo'])
      counselors[centerId] = await api(saeil, counselorOf(centerId));
    http = counselors['center-naju'];
  });

  afterAll(async () => {
    await kafka?.stop();
    await saeil?.dispose();
  });

  /** A small go 100: 3 clients at month 1 (30,000 KRW each), 1 at month 3 (50,000 KRW). */
  const plan = (overrides: Record<string, unknown> = {}) => ({
    centerId: 'center-naju',
    name: '같이하는 고백(go 100)',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    milestones: [
      { n: 1, plannedClients: 3, benefit: '취업 축하 기념품', unitCost: 30_000 },
      { n: 3, plannedClients: 1, benefit: '장기근속 격려금', unitCost: 50_000 },
    ],
    budget: [
      { source: 'national', amount: 200_000 },
      { source: 'municipal', amount: 100_000 },
    ],
    ...overrides,
  });

  const define = async (body: Record<string, unknown> = plan()) =>
    (await supervisor.post('/retention-programs').send(body).expect(201)).body.programId as string;

  let clientNo = 400;
  /** A client of the center, with her service consent and a job she started on 2026-06-01. */
  async function placedClient(centerId = 'center-naju'): Promise<{ clientId: string; placementId: string }> {
    const clientId = await registerClient(saeil, clientNo++, { centerId, consents: ['service'] });
    const job = {
      employerName: '(주)나주식품',
      jobTitle: '품질관리 사무원',
      occupation: '0231',
      employmentType: 'regular',
      weeklyHours: 40,
      monthlyWage: 2_350_000,
      startOn: '2026-06-01',
      channel: 'self',
      employmentInsurance: true,
    };
    const { placementId } = (await counselors[centerId].post(`/clients/${clientId}/placements`).send(job).expect(201))
      .body;
    return { clientId, placementId };
  }

  const give = (
    programId: string,
    who: { clientId: string; placementId: string },
    extra: Record<string, unknown> = {},
  ) =>
    http
      .post(`/retention-programs/${programId}/benefits`)
      .send({ ...who, n: 1, providedOn: '2026-07-02', fundingSource: 'national', ...extra });
  const view = async (programId: string, minPosition?: number) =>
    (
      await http
        .get(`/retention-programs/${programId}`)
        .query(minPosition ? { minPosition } : {})
        .expect(200)
    ).body;
  const benefitsIn = async (programId: string) =>
    (await saeil.runtime.store.readStream(retentionProgramStreamId(programId))).filter(
      (e) => e.type === 'RetentionBenefitProvided',
    );
  /** Events of the programs context (placements meanwhile schedule follow-ups in the retention context by themselves). */
  const programEvents = async (): Promise<number> =>
    (await saeil.runtime.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE context = 'programs'`))[0].n;
  const fieldsOf = (response: request.Response) => [
    ...new Set(response.body.error.fields.map((f: { field: string }) => f.field)),
  ];

  it('shows utilization per milestone and budget execution by source after each write (read-your-writes)', async () => {
    const programId = await define();
    const [a, b] = [await placedClient(), await placedClient()];
    await give(programId, a).expect(201);
    const second = await give(programId, b, { fundingSource: 'municipal', note: '1개월 근속 축하' }).expect(201);
    expect(second.body).toMatchObject({ programId, overPlan: false, duplicate: false });

    const program = await view(programId, second.body.position);
    expect(program.consistency).toEqual({ minPosition: second.body.position, reached: true });
    expect(program).toMatchObject({
      programId,
      centerId: 'center-naju',
      name: '같이하는 고백(go 100)',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      revision: 1,
    });
    // 2 of 3 at month 1; nothing yet at month 3.
    expect(program.milestones).toEqual([
      {
        n: 1,
        benefit: '취업 축하 기념품',
        unitCost: 30_000,
        planned: 3,
        given: 2,
        overPlan: 0,
        utilization: (2 * 100) / 3,
      },
      { n: 3, benefit: '장기근속 격려금', unitCost: 50_000, planned: 1, given: 0, overPlan: 0, utilization: 0 },
    ]);
    expect(program.budget).toEqual([
      { source: 'national', secured: 200_000, executed: 30_000, remaining: 170_000, executionRate: 15 },
      { source: 'municipal', secured: 100_000, executed: 30_000, remaining: 70_000, executionRate: 30 },
    ]);
    expect(program.totals).toEqual({
      planned: 4,
      given: 2,
      overPlan: 0,
      secured: 300_000,
      executed: 60_000,
      remaining: 240_000,
      executionRate: 20,
    });

    const list = (
      await http
        .get('/retention-programs')
        .query({ centerId: 'center-naju', minPosition: second.body.position })
        .expect(200)
    ).body;
    expect(list.programs.map((p: { programId: string }) => p.programId)).toContain(programId);
    // center-mokpo's own list does not show it; to center-naju's staff, another center's list is unknown (404).
    expect(
      (await counselors['center-mokpo'].get('/retention-programs').query({ centerId: 'center-mokpo' }).expect(200)).body
        .programs,
    ).toEqual([]);
    expect(
      (await http.get('/retention-programs').query({ centerId: 'center-mokpo' }).expect(404)).body.error.code,
    ).toBe('NOT_FOUND');
    // The region's supervisor reads the program and the list of center-naju.
    const regional = await api(saeil, regionalSupervisorOf('전라남도'));
    expect((await regional.get(`/retention-programs/${programId}`).expect(200)).body).toMatchObject({
      programId,
      totals: program.totals,
    });
    expect(
      (await regional.get('/retention-programs').query({ centerId: 'center-naju' }).expect(200)).body.programs.map(
        (p: { programId: string }) => p.programId,
      ),
    ).toContain(programId);
  });

  it('refuses going over the plan (422 PROGRAM_PLAN_EXCEEDED, nothing appended) unless the request carries an override, which is recorded', async () => {
    const programId = await define();
    const [a, b] = [await placedClient(), await placedClient()];
    await give(programId, a, { n: 3, providedOn: '2026-09-01' }).expect(201);

    const before = await programEvents();
    const refused = await give(programId, b, { n: 3, providedOn: '2026-09-02' }).expect(422);
    expect(refused.body.error).toMatchObject({
      code: 'PROGRAM_PLAN_EXCEEDED',
      details: { n: 3, plannedClients: 1, given: 1 },
    });
    expect(await programEvents()).toBe(before);

    const overridden = await give(programId, b, {
      n: 3,
      providedOn: '2026-09-02',
      overPlan: { reason: '예산 잔액으로 추가 지원 (센터장 승인)' },
    }).expect(201);
    expect(overridden.body.overPlan).toBe(true);
    const [, stored] = await benefitsIn(programId);
    expect(stored.data).toMatchObject({
      clientId: b.clientId,
      n: 3,
      unitCost: 50_000,
      overPlan: { reason: '예산 잔액으로 추가 지원 (센터장 승인)', plannedClients: 1, givenBefore: 1 },
    });

    const program = await view(programId, overridden.body.position);
    expect(program.milestones[1]).toMatchObject({ n: 3, planned: 1, given: 2, overPlan: 1, utilization: 200 });
    expect(program.budget[0]).toMatchObject({
      source: 'national',
      executed: 100_000,
      remaining: 100_000,
      executionRate: 50,
    });

    // One benefit per client per milestone, override or not.
    expect((await give(programId, b, { n: 3, overPlan: { reason: '중복' } }).expect(422)).body.error.code).toBe(
      'BENEFIT_ALREADY_PROVIDED',
    );
  });

  it('lets exactly one of five counselors racing for the last slot win; the others get PROGRAM_PLAN_EXCEEDED', async () => {
    const programId = await define(
      plan({ milestones: [{ n: 1, plannedClients: 1, benefit: '취업 축하 기념품', unitCost: 30_000 }] }),
    );
    const racers = await Promise.all([0, 1, 2, 3, 4].map(() => placedClient()));
    const answers = await Promise.all(racers.map((who) => give(programId, who)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422]);
    expect(answers.filter((r) => r.status === 422).map((r) => r.body.error.code)).toEqual(
      Array(4).fill('PROGRAM_PLAN_EXCEEDED'),
    );
    const winner = answers.find((r) => r.status === 201)!;
    const stored = await benefitsIn(programId);
    expect(stored).toHaveLength(1);
    expect(stored[0].data).not.toHaveProperty('overPlan');
    expect((await view(programId, winner.body.position)).milestones[0]).toMatchObject({
      planned: 1,
      given: 1,
      overPlan: 0,
      utilization: 100,
    });
  });

  it('answers 400 naming every bad field and appends nothing', async () => {
    const programId = await define();
    const who = await placedClient();
    const before = await programEvents();

    const badPlan = await supervisor
      .post('/retention-programs')
      .send(
        plan({
          periodFrom: '2026-02-30',
          milestones: [{ n: 4, plannedClients: -1, benefit: '', unitCost: 1.5 }],
          budget: [{ source: 'city', amount: 1 }],
          extra: true,
        }),
      )
      .expect(400);
    expect(fieldsOf(badPlan)).toEqual(
      expect.arrayContaining([
        'periodFrom',
        'milestones.0.n',
        'milestones.0.plannedClients',
        'milestones.0.benefit',
        'milestones.0.unitCost',
        'budget.0.source',
        'extra',
      ]),
    );
    // Setting a program up is a supervisor's, and for her own center only.
    expect((await http.post('/retention-programs').send(plan()).expect(403)).body.error.code).toBe('ACCESS_DENIED');
    expect(
      (await (await api(saeil, supervisorOf('center-mokpo'))).post('/retention-programs').send(plan()).expect(403)).body
        .error.code,
    ).toBe('OUT_OF_SCOPE');
    const badBenefit = await give(
      programId,
      { clientId: 'nope', placementId: who.placementId },
      { n: 4, fundingSource: 'lottery', providedOn: '2026-13-01', overPlan: { reason: '' } },
    ).expect(400);
    expect(fieldsOf(badBenefit)).toEqual(
      expect.arrayContaining(['clientId', 'n', 'fundingSource', 'providedOn', 'overPlan.reason']),
    );
    expect(fieldsOf(await give('nope', who).expect(400))).toEqual(['programId']);
    expect(fieldsOf(await give(programId, who, { programId: randomUUID() }).expect(400))).toEqual(['programId']);
    expect(fieldsOf(await http.get('/retention-programs/nope').expect(400))).toEqual(['programId']);
    expect(fieldsOf(await http.get('/retention-programs').expect(400))).toEqual(['centerId']);
    expect(await programEvents()).toBe(before);
  });

  it('checks the program, her case, consent, center and placement, and the milestone, appending nothing on a refusal', async () => {
    const programId = await define();
    const who = await placedClient();
    const elsewhere = await placedClient('center-mokpo');
    const before = await programEvents();

    expect((await give(randomUUID(), who).expect(404)).body.error.code).toBe('NOT_FOUND');
    expect(
      (await give(programId, { clientId: randomUUID(), placementId: who.placementId }).expect(404)).body.error.code,
    ).toBe('NOT_FOUND');
    expect(
      (await give(programId, { clientId: who.clientId, placementId: randomUUID() }).expect(404)).body.error.code,
    ).toBe('NOT_FOUND');
    // A woman of another center: not center-naju's counselor's to name (404, as an unknown one) ...
    expect((await give(programId, elsewhere).expect(404)).body.error.code).toBe('NOT_FOUND');
    // ... and center-mokpo's counselor reaches no program of center-naju.
    expect(
      (
        await counselors['center-mokpo']
          .post(`/retention-programs/${programId}/benefits`)
          .send({ ...elsewhere, n: 1, providedOn: '2026-07-02', fundingSource: 'national' })
          .expect(404)
      ).body.error.code,
    ).toBe('NOT_FOUND');
    await counselors['center-mokpo'].get(`/retention-programs/${programId}`).expect(404);
    expect((await give(programId, who, { providedOn: '2026-05-31' }).expect(422)).body.error.code).toBe(
      'DATES_OUT_OF_ORDER',
    );
    expect((await give(programId, who, { n: 2 }).expect(422)).body.error.code).toBe('MILESTONE_NOT_IN_PROGRAM');
    await http.get(`/retention-programs/${randomUUID()}`).expect(404);

    expect(await programEvents()).toBe(before);

    // The command topic is closed the same way: it acts for the account of its token, who reaches
    // neither a woman of another center (center-naju's counselor) nor a program of another center
    // (center-mokpo's): NOT_FOUND, as an unknown one. (The decider's PROGRAM_OTHER_CENTER is now
    // defence in depth behind both doors; decider.spec proves it.)
    const elsewhereBenefit = { programId, ...elsewhere, n: 1, providedOn: '2026-07-02', fundingSource: 'national' };
    expect(
      await kafka.sendCommand('ProvideRetentionBenefit', elsewhereBenefit, { token: http.token, actorId: 'crm' }),
    ).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
    expect(
      await kafka.sendCommand('ProvideRetentionBenefit', elsewhereBenefit, {
        token: counselors['center-mokpo'].token,
        actorId: 'crm',
      }),
    ).toMatchObject({ status: 'rejected', error: { code: 'NOT_FOUND' } });
    expect(await programEvents()).toBe(before);

    // Without her consent to the processing, no benefit (withdrawn through HTTP).
    await http
      .post(`/clients/${who.clientId}/consents/service/withdrawal`)
      .send({ withdrawnOn: '2026-07-01' })
      .expect(200);
    const afterWithdrawal = await programEvents();
    expect((await give(programId, who).expect(422)).body.error).toMatchObject({
      code: 'CONSENT_REQUIRED',
      details: { missing: ['service'] },
    });
    expect(await programEvents()).toBe(afterWithdrawal);
    expect(await benefitsIn(programId)).toEqual([]);
  });

  it('amends the plan and budget as a new revision; what was given stays, and the plan cannot drop below it', async () => {
    const programId = await define();
    const who = await placedClient();
    await give(programId, who, { n: 3, providedOn: '2026-09-01' }).expect(201);
    const amendment = {
      ...plan({
        milestones: [
          { n: 1, plannedClients: 3, benefit: '취업 축하 기념품', unitCost: 30_000 },
          { n: 3, plannedClients: 2, benefit: '장기근속 격려금', unitCost: 60_000 },
        ],
      }),
      budget: [
        { source: 'national', amount: 200_000 },
        { source: 'municipal', amount: 100_000 },
        { source: 'other', amount: 50_000 },
      ],
      amendedOn: '2026-09-15',
      reason: '추경 예산 반영',
    };
    delete (amendment as Record<string, unknown>).centerId;
    // Amending the plan is her supervisor's, not her counselor's.
    expect(
      (await http.post(`/retention-programs/${programId}/amendments`).send(amendment).expect(403)).body.error.code,
    ).toBe('ACCESS_DENIED');
    const amended = await supervisor.post(`/retention-programs/${programId}/amendments`).send(amendment).expect(200);

    const program = await view(programId, amended.body.position);
    expect(program.revision).toBe(2);
    expect(program.milestones[1]).toMatchObject({ n: 3, planned: 2, given: 1, unitCost: 60_000, utilization: 50 });
    // The benefit given before keeps the unit cost it was given at.
    expect(program.budget).toEqual([
      { source: 'national', secured: 200_000, executed: 50_000, remaining: 150_000, executionRate: 25 },
      { source: 'municipal', secured: 100_000, executed: 0, remaining: 100_000, executionRate: 0 },
      { source: 'other', secured: 50_000, executed: 0, remaining: 50_000, executionRate: 0 },
    ]);

    const before = await programEvents();
    const below = {
      ...amendment,
      milestones: [
        { n: 1, plannedClients: 3, benefit: '취업 축하 기념품', unitCost: 30_000 },
        { n: 3, plannedClients: 0, benefit: '장기근속 격려금', unitCost: 60_000 },
      ],
    };
    expect(
      (await supervisor.post(`/retention-programs/${programId}/amendments`).send(below).expect(422)).body.error.code,
    ).toBe('PROGRAM_PLAN_BELOW_GIVEN');
    expect(
      fieldsOf(
        await supervisor
          .post(`/retention-programs/${programId}/amendments`)
          .send({ ...amendment, centerId: 'center-mokpo' })
          .expect(400),
      ),
    ).toEqual(['centerId']);
    await (
      await api(saeil, supervisorOf('center-mokpo'))
    )
      .post(`/retention-programs/${programId}/amendments`)
      .send(amendment)
      .expect(404);
    expect(await programEvents()).toBe(before);
  });

  it('answers the same utilization and execution after the read model is rebuilt from position zero', async () => {
    const programId = await define();
    const [a, b] = [await placedClient(), await placedClient()];
    await give(programId, a).expect(201);
    const last = await give(programId, b, { n: 3, providedOn: '2026-09-01', fundingSource: 'municipal' }).expect(201);
    const before = await view(programId, last.body.position);
    await saeil.runtime.rebuilder.rebuild(retentionProgramsProjection);
    const after = await view(programId);
    const { consistency: _ignored, ...beforeFigures } = before;
    expect(after).toEqual(beforeFigures);
    expect(after.totals).toMatchObject({ given: 2, executed: 80_000 });
  });

  it('takes the same commands on the Kafka command topic: a benefit over the plan is rejected there too, and accepted with the override', async () => {
    const programId = await define(
      plan({ milestones: [{ n: 2, plannedClients: 1, benefit: '상담 및 기념품', unitCost: 30_000 }] }),
    );
    const [a, b] = [await placedClient(), await placedClient()];
    const payload = (who: { clientId: string; placementId: string }, extra: Record<string, unknown> = {}) => ({
      programId,
      ...who,
      n: 2,
      providedOn: '2026-08-03',
      fundingSource: 'national',
      ...extra,
    });
    // The CRM acts for center-naju's counselor: her token, her account recorded (the stated actorId is not).
    const as = { token: http.token, actorId: 'crm' };
    expect(await kafka.sendCommand('ProvideRetentionBenefit', payload(a), as)).toMatchObject({
      status: 'accepted',
      result: { programId, overPlan: false },
    });
    expect(await kafka.sendCommand('ProvideRetentionBenefit', payload(b), as)).toMatchObject({
      status: 'rejected',
      error: { code: 'PROGRAM_PLAN_EXCEEDED' },
    });
    const overridden = await kafka.sendCommand(
      'ProvideRetentionBenefit',
      payload(b, { overPlan: { reason: '사업비 잔액 활용' } }),
      as,
    );
    expect(overridden).toMatchObject({ status: 'accepted', result: { overPlan: true } });
    const counselorAccount = await accountIdOf(saeil, counselorOf('center-naju'));
    expect(
      (await benefitsIn(programId)).map((e) => [e.data.clientId, e.metadata.actorId, e.metadata.centerId]),
    ).toEqual([
      [a.clientId, counselorAccount, 'center-naju'],
      [b.clientId, counselorAccount, 'center-naju'],
    ]);
  });

  it("takes the budget commands on the Kafka command topic: the supervisor's token records an execution entry of her plan; a counselor's is rejected", async () => {
    const plan = {
      centerId: 'center-naju',
      name: '여성새로일하기센터 기능강화',
      fromYear: 2026,
      toYear: 2026,
      lines: [{ year: 2026, source: 'municipal', amount: 5_000_000 }],
    };
    const defined = await kafka.sendCommand('DefineBudgetPlan', plan, { token: supervisor.token, actorId: 'erp' });
    expect(defined).toMatchObject({ status: 'accepted', result: { planId: expect.any(String) } });
    const planId = defined.result.planId as string;
    const entry = {
      planId,
      executedOn: '2026-03-02',
      source: 'municipal',
      amount: 1_250_000,
      purpose: '취업자 간담회',
    };
    expect(
      await kafka.sendCommand('RecordBudgetExecution', entry, { token: supervisor.token, actorId: 'erp' }),
    ).toMatchObject({ status: 'accepted', result: { planId, entryId: expect.any(String) } });
    expect(
      await kafka.sendCommand('RecordBudgetExecution', entry, { token: http.token, actorId: 'erp' }),
    ).toMatchObject({ status: 'rejected', error: { code: 'ACCESS_DENIED' } });
    expect(
      await kafka.sendCommand(
        'RecordBudgetExecution',
        { ...entry, amount: -1 },
        { token: supervisor.token, actorId: 'erp' },
      ),
    ).toMatchObject({ status: 'rejected', error: { code: 'EXECUTION_AMOUNT_INVALID', details: { field: 'amount' } } });
    const supervisorAccount = await accountIdOf(saeil, supervisorOf('center-naju'));
    const recorded = (await saeil.runtime.store.readStream(budgetPlanStreamId(planId))).filter(
      (e) => e.type === 'BudgetExecutionRecorded',
    );
    expect(recorded.map((e) => [e.data.amount, e.metadata.actorId, e.metadata.centerId])).toEqual([
      [1_250_000, supervisorAccount, 'center-naju'],
    ]);
  });

  it('publishes program events on the programs topic, keyed by the program stream', async () => {
    const programId = await define();
    const found = await waitFor(
      async () => kafka.published.find((m) => m.key === retentionProgramStreamId(programId)),
      { timeoutMs: 30_000, description: 'the program on its topic' },
    );
    expect(found.type).toBe('RetentionProgramDefined');
  });
});
