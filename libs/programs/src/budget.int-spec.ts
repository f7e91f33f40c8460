import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { budgetPlanStreamId } from '@saeil/contracts';
import { registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import {
  accountIdOf,
  Api,
  api,
  counselorOf,
  MINISTRY_ANALYST,
  regionalSupervisorOf,
  supervisorOf,
} from '../../../tests/support/auth';
import { budgetPlansProjection } from './projections/budget-plans.projection';

const M = 1_000_000;

/** Seed 000's 연도별 투자 계획 (백만원) entered in KRW: 국비 7/7/6/6/6, 도비 1 a year, 시비 5 a year, 기타 0. */
const seed000Lines = [2022, 2023, 2024, 2025, 2026].flatMap((year, i) => [
  { year, source: 'national', amount: (i < 2 ? 7 : 6) * M },
  { year, source: 'provincial', amount: 1 * M },
  { year, source: 'municipal', amount: 5 * M },
  { year, source: 'other', amount: 0 },
]);
const seed000 = {
  centerId: 'center-naju',
  name: '여성새로일하기센터 기능강화',
  fromYear: 2022,
  toYear: 2026,
  decimals: 1,
  lines: seed000Lines,
};

/** Budget plans and their execution through HTTP on PostgreSQL: seed 000 reproduced, amendments, corrections, a program's benefits, refusals. */
describe('budget plans (HTTP, PostgreSQL)', () => {
  let saeil: TestSaeil;
  /** center-naju's supervisor writes; its counselor reads and gives program benefits. */
  let supervisor: Api;
  let counselor: Api;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'budget', kafka: false });
    supervisor = await api(saeil, supervisorOf('center-naju'));
    counselor = await api(saeil, counselorOf('center-naju'));
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  const define = async (body: Record<string, unknown> = seed000) =>
    (await supervisor.post('/budget-plans').send(body).expect(201)).body as { planId: string; position: number };
  const execute = (planId: string, body: Record<string, unknown>, as: Api = supervisor) =>
    as.post(`/budget-plans/${planId}/executions`).send(body);
  const read = async (planId: string, minPosition?: number, as: Api = counselor) =>
    (
      await as
        .get(`/budget-plans/${planId}`)
        .query(minPosition ? { minPosition } : {})
        .expect(200)
    ).body;
  const budgetEvents = async (): Promise<number> =>
    (
      await saeil.runtime.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'budget-plan-%'`)
    )[0].n;
  const fieldsOf = (response: request.Response) => [
    ...new Set(response.body.error.fields.map((f: { field: string }) => f.field)),
  ];
  const inMillions = (f: {
    secured: number;
    executed: number;
    remaining: number;
    executionRate: number | null;
    executionRateText: string;
  }) => [f.secured / M, f.executed / M, f.remaining / M, f.executionRate, f.executionRateText];

  it('reproduces seed 000: 62 secured (13/13/12/12/12), 26 executed (13 in 2022, 13 in 2023) → 41.9 %, per year and in total, sources named as 나주 names them', async () => {
    const { planId } = await define();
    await execute(planId, {
      executedOn: '2022-12-20',
      source: 'unsplit',
      amount: 13 * M,
      purpose: '취업자 역량강화교육(일취월장)·취업자 간담회',
    }).expect(201);
    const last = await execute(planId, {
      executedOn: '2023-12-20',
      source: 'unsplit',
      amount: 13 * M,
      purpose: '취업자 역량강화교육(역량플러스)·취업자 간담회',
    }).expect(201);

    const plan = await read(planId, last.body.position);
    expect(plan.consistency).toEqual({ minPosition: last.body.position, reached: true });
    expect(plan).toMatchObject({
      planId,
      centerId: 'center-naju',
      name: '여성새로일하기센터 기능강화',
      projectKind: 'project',
      programId: null,
      fromYear: 2022,
      toYear: 2026,
      decimals: 1,
      revision: 1,
      currency: 'KRW',
    });
    expect(inMillions(plan.term.total)).toEqual([62, 26, 36, 41.9, '41.9']);
    expect(plan.years.map((y: { year: number; total: never }) => [y.year, ...inMillions(y.total)])).toEqual([
      [2022, 13, 13, 0, 100, '100.0'],
      [2023, 13, 13, 0, 100, '100.0'],
      [2024, 12, 0, 12, 0, '0.0'],
      [2025, 12, 0, 12, 0, '0.0'],
      [2026, 12, 0, 12, 0, '0.0'],
    ]);
    expect(
      plan.term.sources.map((s: { label: string; localName: string; secured: number }) => [
        s.label,
        s.localName,
        s.secured / M,
      ]),
    ).toEqual([
      ['국비', '국비', 32],
      ['시·도비', '도비', 5],
      ['시·군·구비', '시비', 25],
      ['기타', '기타', 0],
    ]);
    expect(plan.years[0].sources.map((s: { secured: number }) => s.secured / M)).toEqual([7, 1, 5, 0]);
    expect(plan.term.unsplit).toEqual({ executed: 26 * M });
    // Who entered each entry: the supervisor's account.
    const supervisorAccount = await accountIdOf(saeil, supervisorOf('center-naju'));
    expect(
      plan.entries.map((e: { year: number; amount: number; enteredBy: string; source: string }) => [
        e.year,
        e.amount / M,
        e.source,
        e.enteredBy,
      ]),
    ).toEqual([
      [2022, 13, 'unsplit', supervisorAccount],
      [2023, 13, 'unsplit', supervisorAccount],
    ]);

    // Read as retention programs are: her region's supervisor too; another center's staff do not know it; the Ministry reads no plan.
    const regional = await api(saeil, regionalSupervisorOf('전라남도'));
    expect((await regional.get(`/budget-plans/${planId}`).expect(200)).body.term.total.executionRateText).toBe('41.9');
    expect(
      (await regional.get('/budget-plans').query({ centerId: 'center-naju' }).expect(200)).body.plans.map(
        (p: { planId: string }) => p.planId,
      ),
    ).toContain(planId);
    await (await api(saeil, counselorOf('center-mokpo'))).get(`/budget-plans/${planId}`).expect(404);
    await (await api(saeil, regionalSupervisorOf('경상남도'))).get(`/budget-plans/${planId}`).expect(404);
    await (await api(saeil, MINISTRY_ANALYST)).get(`/budget-plans/${planId}`).expect(403);
    expect((await counselor.get('/budget-plans').query({ centerId: 'center-mokpo' }).expect(404)).body.error.code).toBe(
      'NOT_FOUND',
    );
  });

  it("names a Seoul center's sources 시비 and 구비", async () => {
    const gangnam = await api(saeil, supervisorOf('center-gangnam'));
    const { planId, position } = (
      await gangnam
        .post('/budget-plans')
        .send({ ...seed000, centerId: 'center-gangnam' })
        .expect(201)
    ).body;
    const plan = await read(planId, position, gangnam);
    expect(plan.sourceNames.map((n: { label: string; localName: string }) => `${n.label}=${n.localName}`)).toEqual([
      '국비=국비',
      '시·도비=시비',
      '시·군·구비=구비',
      '기타=기타',
    ]);
  });

  it('amends the plan as a new revision with its day and reason, keeping the history readable; refuses no reason and a term leaving executions out', async () => {
    const { planId } = await define();
    await execute(planId, {
      executedOn: '2022-12-20',
      source: 'national',
      amount: 4 * M,
      purpose: '취업자 간담회',
    }).expect(201);
    const amendment = {
      name: seed000.name,
      fromYear: 2022,
      toYear: 2026,
      lines: seed000Lines.map((l) => (l.year === 2024 && l.source === 'municipal' ? { ...l, amount: 8 * M } : l)),
      amendedOn: '2024-03-04',
      reason: '2024년 시비 추경',
    };
    // Amending is the supervisor's.
    expect(
      (await counselor.post(`/budget-plans/${planId}/amendments`).send(amendment).expect(403)).body.error.code,
    ).toBe('ACCESS_DENIED');
    const amended = await supervisor.post(`/budget-plans/${planId}/amendments`).send(amendment).expect(200);
    expect(amended.body).toMatchObject({ planId, revision: 2 });

    const plan = await read(planId, amended.body.position);
    expect(plan.revision).toBe(2);
    // The precision left out stays the plan's.
    expect(plan.decimals).toBe(1);
    expect(plan.term.total.secured).toBe(65 * M);
    expect(
      plan.revisions.map(
        (r: { revision: number; amendedOn: string | null; reason: string | null; secured: number }) => [
          r.revision,
          r.amendedOn,
          r.reason,
          r.secured / M,
        ],
      ),
    ).toEqual([
      [1, null, null, 62],
      [2, '2024-03-04', '2024년 시비 추경', 65],
    ]);
    // 국비 2022: 4 of 7 = 57.142… → 57.1
    expect(plan.years[0].sources[0]).toMatchObject({
      source: 'national',
      secured: 7 * M,
      executed: 4 * M,
      executionRate: 57.1,
      executionRateText: '57.1',
    });

    const before = await budgetEvents();
    const noReason = await supervisor
      .post(`/budget-plans/${planId}/amendments`)
      .send({ ...amendment, reason: '   ' })
      .expect(422);
    expect(noReason.body.error).toMatchObject({ code: 'REASON_REQUIRED', details: { field: 'reason' } });
    expect(
      fieldsOf(
        await supervisor
          .post(`/budget-plans/${planId}/amendments`)
          .send({ ...amendment, reason: '' })
          .expect(400),
      ),
    ).toEqual(['reason']);
    const later = { ...amendment, fromYear: 2023, lines: amendment.lines.filter((l) => l.year >= 2023) };
    expect(
      (await supervisor.post(`/budget-plans/${planId}/amendments`).send(later).expect(422)).body.error,
    ).toMatchObject({ code: 'BUDGET_TERM_EXCLUDES_EXECUTIONS', details: { field: 'fromYear' } });
    await (
      await api(saeil, supervisorOf('center-mokpo'))
    )
      .post(`/budget-plans/${planId}/amendments`)
      .send(amendment)
      .expect(404);
    expect(await budgetEvents()).toBe(before);
  });

  it('corrects an entry with a new entry naming it (never an edit), never below zero in all', async () => {
    const { planId } = await define();
    const entry = (
      await execute(planId, {
        executedOn: '2023-05-02',
        source: 'municipal',
        amount: 3 * M,
        purpose: '찾아가는 이동상담 홍보물',
      }).expect(201)
    ).body;
    const correction = await execute(planId, {
      executedOn: '2023-06-01',
      source: 'municipal',
      amount: -1_250_000,
      purpose: '영수증 중복 계상 정정',
      corrects: entry.entryId,
    }).expect(201);

    const plan = await read(planId, correction.body.position);
    expect(plan.years[1].sources[2]).toMatchObject({
      source: 'municipal',
      localName: '시비',
      executed: 1_750_000,
      remaining: 3_250_000,
      executionRate: 35,
      executionRateText: '35.0',
    });
    expect(plan.entries).toEqual([
      expect.objectContaining({
        entryId: entry.entryId,
        amount: 3 * M,
        corrects: null,
        correctedBy: [correction.body.entryId],
      }),
      expect.objectContaining({
        entryId: correction.body.entryId,
        amount: -1_250_000,
        year: 2023,
        corrects: entry.entryId,
        correctedBy: [],
      }),
    ]);
    // The first entry is stored as it was entered.
    const stored = (await saeil.runtime.store.readStream(budgetPlanStreamId(planId))).filter(
      (e) => e.type === 'BudgetExecutionRecorded',
    );
    expect(stored.map((e) => e.data.amount)).toEqual([3 * M, -1_250_000]);

    const before = await budgetEvents();
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { executedOn: '2023-06-02', source: 'municipal', amount: -1_750_001, purpose: '정정', corrects: entry.entryId },
        'CORRECTION_BELOW_ZERO',
        'amount',
      ],
      [
        { executedOn: '2023-06-02', source: 'municipal', amount: -1, purpose: '정정', corrects: randomUUID() },
        'CORRECTED_ENTRY_NOT_FOUND',
        'corrects',
      ],
      [
        { executedOn: '2023-06-02', source: 'national', amount: -1, purpose: '정정', corrects: entry.entryId },
        'CORRECTION_SOURCE_MISMATCH',
        'source',
      ],
      [
        { executedOn: '2023-06-02', source: 'municipal', amount: -5, purpose: '환불' },
        'EXECUTION_AMOUNT_INVALID',
        'amount',
      ],
      [
        { executedOn: '2021-12-31', source: 'municipal', amount: 5, purpose: '이전 사업' },
        'EXECUTION_OUTSIDE_TERM',
        'executedOn',
      ],
      [{ executedOn: '2099-01-02', source: 'municipal', amount: 5, purpose: '미래' }, 'DATE_IN_FUTURE', 'executedOn'],
      [{ executedOn: '2023-06-02', source: 'municipal', amount: 5, purpose: '  ' }, 'PURPOSE_REQUIRED', 'purpose'],
    ];
    for (const [body, code, field] of cases) {
      expect((await execute(planId, body).expect(422)).body.error).toMatchObject({ code, details: { field } });
    }
    expect(await budgetEvents()).toBe(before);
  });

  it("counts a retention program's benefits as executed for their source beside the entries; one plan per program", async () => {
    const programId = (
      await supervisor
        .post('/retention-programs')
        .send({
          centerId: 'center-naju',
          name: '같이하는 고백(go 100)',
          periodFrom: '2026-01-01',
          periodTo: '2026-12-31',
          milestones: [{ n: 1, plannedClients: 100, benefit: '취업 축하 기념품', unitCost: 30_000 }],
          budget: [{ source: 'national', amount: 6 * M }],
        })
        .expect(201)
    ).body.programId as string;
    const budget = {
      centerId: 'center-naju',
      name: '같이하는 고백(go 100)',
      programId,
      fromYear: 2026,
      toYear: 2026,
      lines: [
        { year: 2026, source: 'national', amount: 6 * M },
        { year: 2026, source: 'municipal', amount: 5 * M },
      ],
    };
    const { planId } = await define(budget);
    expect(planId).toBe(programId);

    const clientId = await registerClient(saeil, 700, { centerId: 'center-naju', consents: ['service'] });
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
    const { placementId } = (await counselor.post(`/clients/${clientId}/placements`).send(job).expect(201)).body;
    await counselor
      .post(`/retention-programs/${programId}/benefits`)
      .send({ clientId, placementId, n: 1, providedOn: '2026-07-02', fundingSource: 'national' })
      .expect(201);
    const last = await execute(planId, {
      executedOn: '2026-07-10',
      source: 'national',
      amount: 910_000,
      purpose: '기념품 구입 (일괄)',
    }).expect(201);

    const plan = await read(planId, last.body.position);
    expect(plan).toMatchObject({ projectKind: 'retention_program', programId, benefitsCounted: 1 });
    expect(plan.term.sources[0]).toMatchObject({
      source: 'national',
      secured: 6 * M,
      executedByEntries: 910_000,
      executedByBenefits: 30_000,
      executed: 940_000,
      remaining: 5_060_000,
      executionRateText: '15.7',
    });
    expect(plan.term.total).toMatchObject({
      secured: 11 * M,
      executed: 940_000,
      executionRate: 8.5,
      executionRateText: '8.5',
    });

    const before = await budgetEvents();
    expect((await supervisor.post('/budget-plans').send(budget).expect(422)).body.error).toMatchObject({
      code: 'BUDGET_PLAN_ALREADY_DEFINED',
      details: { field: 'programId' },
    });
    // A program the center does not have (or another center's): the reference is refused.
    expect(
      (
        await supervisor
          .post('/budget-plans')
          .send({ ...budget, programId: randomUUID() })
          .expect(422)
      ).body.error,
    ).toMatchObject({ code: 'REFERENCE_NOT_FOUND', details: { field: 'programId' } });
    const mokpo = await api(saeil, supervisorOf('center-mokpo'));
    const mokpoProgram = (
      await mokpo
        .post('/retention-programs')
        .send({
          centerId: 'center-mokpo',
          name: '1·3 축하데이',
          periodFrom: '2026-01-01',
          periodTo: '2026-12-31',
          milestones: [{ n: 1, plannedClients: 10, benefit: '기념품', unitCost: 20_000 }],
          budget: [],
        })
        .expect(201)
    ).body.programId;
    expect(
      (
        await supervisor
          .post('/budget-plans')
          .send({ ...budget, programId: mokpoProgram })
          .expect(422)
      ).body.error,
    ).toMatchObject({ code: 'REFERENCE_NOT_FOUND', details: { field: 'programId' } });
    expect(await budgetEvents()).toBe(before);
  });

  it('answers 400 naming every bad field, 403 to a counselor and to another center, and appends nothing', async () => {
    const { planId } = await define();
    const before = await budgetEvents();
    const bad = await supervisor
      .post('/budget-plans')
      .send({
        ...seed000,
        fromYear: 1999,
        decimals: 9,
        lines: [{ year: 2022, source: 'city', amount: 1.5 }],
        extra: true,
      })
      .expect(400);
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining(['fromYear', 'decimals', 'lines.0.source', 'lines.0.amount', 'extra']),
    );
    const badEntry = await execute(planId, {
      executedOn: '2023-02-30',
      source: 'lottery',
      amount: 'many',
      purpose: '',
      corrects: 'nope',
    }).expect(400);
    expect(fieldsOf(badEntry)).toEqual(
      expect.arrayContaining(['executedOn', 'source', 'amount', 'purpose', 'corrects']),
    );
    expect(
      fieldsOf(
        await execute(planId, {
          executedOn: '2023-02-03',
          source: 'national',
          amount: 1,
          purpose: 'x',
          planId: randomUUID(),
        }).expect(400),
      ),
    ).toEqual(['planId']);
    expect(fieldsOf(await counselor.get('/budget-plans/nope').expect(400))).toEqual(['planId']);
    // Writing is the supervisor's, for her own center.
    expect((await counselor.post('/budget-plans').send(seed000).expect(403)).body.error.code).toBe('ACCESS_DENIED');
    expect(
      (
        await execute(
          planId,
          { executedOn: '2023-02-03', source: 'national', amount: 1, purpose: 'x' },
          counselor,
        ).expect(403)
      ).body.error.code,
    ).toBe('ACCESS_DENIED');
    const mokpo = await api(saeil, supervisorOf('center-mokpo'));
    expect((await mokpo.post('/budget-plans').send(seed000).expect(403)).body.error.code).toBe('OUT_OF_SCOPE');
    await execute(planId, { executedOn: '2023-02-03', source: 'national', amount: 1, purpose: 'x' }, mokpo).expect(404);
    await execute(randomUUID(), { executedOn: '2023-02-03', source: 'national', amount: 1, purpose: 'x' }).expect(404);
    await counselor.get(`/budget-plans/${randomUUID()}`).expect(404);
    expect(await budgetEvents()).toBe(before);
  });

  it('answers the same figures after the read model is rebuilt from position zero', async () => {
    const { planId } = await define();
    const entry = (
      await execute(planId, {
        executedOn: '2024-04-01',
        source: 'provincial',
        amount: 400_000,
        purpose: '취업자 역량강화교육',
      }).expect(201)
    ).body;
    const last = await execute(planId, {
      executedOn: '2024-04-02',
      source: 'provincial',
      amount: -100_000,
      purpose: '정정',
      corrects: entry.entryId,
    }).expect(201);
    const { consistency: _ignored, ...before } = await read(planId, last.body.position);
    await saeil.runtime.rebuilder.rebuild(budgetPlansProjection);
    expect(await read(planId)).toEqual(before);
    expect(before.years[2].sources[1]).toMatchObject({
      localName: '도비',
      executed: 300_000,
      executionRateText: '30.0',
    });
  });
});
