import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { councilMeetingStreamId, kpiPlanStreamId } from '@saeil/contracts';
import { describeKafka, waitFor } from '../../../tests/support/env';
import { countEvents, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { KpiSource } from './kpi-source';
import { kpiPlansProjection } from './projections/kpi-plans.projection';
import {
  Api,
  api,
  counselorOf,
  MINISTRY_ANALYST,
  regionalSupervisorOf,
  supervisorOf,
} from '../../../tests/support/auth';

/** Seed 000 (나주시 공약 6-2-6, 2024. 5. 31. 기준), entered as it stands. */
const seed000 = {
  centerId: 'center-naju',
  name: '여성새로일하기센터 기능 강화',
  fromYear: 2022,
  toYear: 2026,
  indicators: [
    { name: '협업체 구성 및 운영', unit: '회', yearlyTargets: [1, 2, 2, 2, 1], cumulativeTargets: [1, 3, 5, 7, 8] },
    {
      name: '사후관리사업 수혜자 수',
      unit: '명',
      yearlyTargets: [50, 100, 150, 150, 50],
      cumulativeTargets: [50, 150, 300, 450, 500],
    },
    { name: '기관협약 수', unit: '개소', yearlyTargets: [1, 3, 9, 9, 6], cumulativeTargets: [1, 4, 13, 22, 28] },
  ],
};
/** 이행 of the seed per indicator and year, each dated at its 기준일 (year end; 2024 is January–May). */
const seedActuals: [number, number, number][] = [
  [0, 2022, 1],
  [0, 2023, 2],
  [1, 2022, 50],
  [1, 2023, 100],
  [1, 2024, 61],
  [2, 2022, 1],
  [2, 2023, 3],
  [2, 2024, 8],
];
const asOfDateOf = (year: number) => (year === 2024 ? '2024-05-31' : `${year}-12-31`);

/** KPI plans and council meetings through HTTP on PostgreSQL and Kafka. */
describeKafka('kpi context (HTTP, PostgreSQL, Kafka)', () => {
  let saeil: TestSaeil;
  /** Each center's supervisor sets its plan and enters its actuals (supervisors alone); its counselor records council meetings. */
  const supervisors: Record<string, Api> = {};
  const counselors: Record<string, Api> = {};
  /** The center of each plan defined here, so its own supervisor enters and reads it. */
  const centerOfPlan = new Map<string, string>();
  let http: Api;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'kpi', kafka: true, env: { MAX_CONSISTENCY_WAIT_MS: '1500' } });
    for (const centerId of ['center-naju', 'center-jeju', 'center-hwasun']) {
      supervisors[centerId] = await api(saeil, supervisorOf(centerId));
      counselors[centerId] = await api(saeil, counselorOf(centerId));
    }
    http = supervisors['center-naju'];
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  const supervisorOfPlan = (planId: string) => supervisors[centerOfPlan.get(planId) ?? 'center-naju'];
  const definePlan = async (body: Record<string, unknown>) => {
    const plan = (await supervisors[String(body.centerId)].post('/kpi-plans').send(body).expect(201)).body as {
      planId: string;
      indicators: { indicatorId: string; name: string }[];
      position: number;
    };
    centerOfPlan.set(plan.planId, String(body.centerId));
    return plan;
  };
  const enter = (planId: string, body: Record<string, unknown>) =>
    supervisorOfPlan(planId).post(`/kpi-plans/${planId}/actuals`).send(body);
  const achievement = async (planId: string, query: Record<string, unknown>) =>
    (await supervisorOfPlan(planId).get(`/kpi-plans/${planId}/achievement`).query(query).expect(200)).body;
  const fieldsOf = (response: request.Response) => [
    ...new Set(response.body.error.fields.map((f: { field: string }) => f.field)),
  ];

  async function enterSeed000(
    centerId = 'center-naju',
  ): Promise<{ planId: string; indicatorIds: string[]; position: number }> {
    const plan = await definePlan({ ...seed000, centerId });
    const indicatorIds = plan.indicators.map((i) => i.indicatorId);
    let position = plan.position;
    for (const [k, year, value] of seedActuals)
      position = (
        await enter(plan.planId, { indicatorId: indicatorIds[k], year, value, enteredOn: asOfDateOf(year) }).expect(201)
      ).body.position;
    return { planId: plan.planId, indicatorIds, position };
  }

  it('seed 000 entered as it stands gives 37.5 %, 42.2 %, 42.86 % and 40.85 % overall', async () => {
    const { planId, position } = await enterSeed000();
    const answer = await achievement(planId, { asOfDate: '2024-05-31', minPosition: position });
    expect(answer.consistency).toEqual({ minPosition: position, reached: true });
    expect(
      answer.indicators.map((i: Record<string, unknown>) => [
        i.name,
        i.unit,
        i.source,
        i.cumulativeActual,
        i.termTarget,
        i.display,
      ]),
    ).toEqual([
      ['협업체 구성 및 운영', '회', 'entered', 3, 8, '37.5'],
      ['사후관리사업 수혜자 수', '명', 'entered', 211, 500, '42.2'],
      ['기관협약 수', '개소', 'entered', 12, 28, '42.86'],
    ]);
    // Unrounded: 3/8, 211/500, 12/28; the overall is their mean, rounded only for display.
    const third = (12 * 100) / 28;
    expect(answer.indicators.map((i: { achievement: number }) => i.achievement)).toEqual([37.5, 42.2, third]);
    expect(answer.overall).toEqual({ achievement: (37.5 + 42.2 + third) / 3, display: '40.85', weighted: false });
    expect(answer.indicators[1].actualCumulative).toEqual([50, 150, 211, null, null]);
    expect(answer.periods).toEqual(['2022', '2023', '2024', '2025', '2026']);
    // As of the end of 2023 the 2024 figures (dated 2024-05-31) are not seen: (3/8, 150/500, 4/28).
    // With the decimals her plan's table asks for, the texts keep them: 30.0, not 30 (the number stays 30).
    const earlier = await achievement(planId, { asOfDate: '2023-12-31', decimals: 1 });
    expect(earlier.indicators.map((i: { display: string }) => i.display)).toEqual(['37.5', '30.0', '14.3']);
    expect(earlier.indicators[1].achievement).toBe(30);
    expect(earlier).toMatchObject({ decimals: 1, overall: { display: '27.3' } });
    expect((await achievement(planId, { asOfDate: '2023-12-31', decimals: 2 })).indicators[1].display).toBe('30.00');
    expect(answer.decimals).toBe(2);
  });

  it("a plan that says its table's decimals is displayed with them, zeros kept: 61.0, not 61", async () => {
    const plan = await definePlan({
      centerId: 'center-naju',
      name: '소수 한 자리 계획',
      fromYear: 2024,
      toYear: 2024,
      decimals: 1,
      indicators: [{ name: '사후관리사업 수혜자 수', unit: '명', yearlyTargets: [100] }],
    });
    const entered = await enter(plan.planId, {
      indicatorId: plan.indicators[0].indicatorId,
      year: 2024,
      value: 61,
      enteredOn: '2024-05-31',
    }).expect(201);
    const answer = await achievement(plan.planId, { asOfDate: '2024-05-31', minPosition: entered.body.position });
    expect(answer).toMatchObject({ decimals: 1, overall: { achievement: 61, display: '61.0' } });
    expect(answer.indicators[0]).toMatchObject({ achievement: 61, display: '61.0' });
    // The reader may ask for other decimals.
    expect((await achievement(plan.planId, { asOfDate: '2024-05-31', decimals: 0 })).indicators[0].display).toBe('61');
    const bad = await http
      .post('/kpi-plans')
      .send({
        centerId: 'center-naju',
        name: 'x',
        fromYear: 2024,
        toYear: 2024,
        decimals: 9,
        indicators: [{ name: 'a', unit: '명', yearlyTargets: [1] }],
      })
      .expect(400);
    expect(bad.body.error.fields).toEqual([
      { field: 'decimals', code: 'max', message: '소수 자릿수는 6 이하여야 합니다.' },
    ]);
  });

  it('a corrected actual replaces the earlier one from its date on, and quarters add up to the year', async () => {
    const { planId, indicatorIds } = await enterSeed000();
    const corrected = await enter(planId, {
      indicatorId: indicatorIds[1],
      year: 2024,
      value: 70,
      enteredOn: '2024-06-30',
      note: '6월 수혜자 포함',
    }).expect(201);
    const now = await achievement(planId, { asOfDate: '2024-06-30', minPosition: corrected.body.position });
    expect(now.indicators[1]).toMatchObject({ cumulativeActual: 220, display: '44' });
    expect((await achievement(planId, { asOfDate: '2024-05-31' })).indicators[1].cumulativeActual).toBe(211);

    // 기관협약 2025 by quarters: 2 + 3 = 5 → (12 + 5) / 28.
    await enter(planId, {
      indicatorId: indicatorIds[2],
      year: 2025,
      quarter: 1,
      value: 2,
      enteredOn: '2025-03-31',
    }).expect(201);
    const q2 = await enter(planId, {
      indicatorId: indicatorIds[2],
      year: 2025,
      quarter: 2,
      value: 3,
      enteredOn: '2025-06-30',
    }).expect(201);
    expect(
      (await achievement(planId, { asOfDate: '2025-06-30', minPosition: q2.body.position })).indicators[2],
    ).toMatchObject({ cumulativeActual: 17, display: '60.71' });
    expect(
      (await enter(planId, { indicatorId: indicatorIds[2], year: 2025, value: 5, enteredOn: '2025-07-01' }).expect(422))
        .body.error.code,
    ).toBe('KPI_ACTUAL_GRANULARITY_MIXED');
  });

  it('weights the overall when the plan gives weights, and refuses weights that do not sum to 100 (422, nothing appended)', async () => {
    const weighted = { ...seed000, indicators: seed000.indicators.map((i, k) => ({ ...i, weight: [50, 30, 20][k] })) };
    const plan = await definePlan(weighted);
    let position = plan.position;
    for (const [k, year, value] of seedActuals)
      position = (
        await enter(plan.planId, {
          indicatorId: plan.indicators[k].indicatorId,
          year,
          value,
          enteredOn: asOfDateOf(year),
        }).expect(201)
      ).body.position;
    const answer = await achievement(plan.planId, { asOfDate: '2024-05-31', minPosition: position });
    // 0.5 × 37.5 + 0.3 × 42.2 + 0.2 × 42.857… = 39.98
    expect(answer.overall).toMatchObject({ display: '39.98', weighted: true });
    expect(answer.indicators.map((i: { weight: number }) => i.weight)).toEqual([50, 30, 20]);

    const before = await countEvents(saeil);
    const bad = await http
      .post('/kpi-plans')
      .send({ ...seed000, indicators: seed000.indicators.map((i) => ({ ...i, weight: 30 })) })
      .expect(422);
    expect(bad.body.error).toMatchObject({ code: 'KPI_WEIGHTS_NOT_100', details: { sum: 90 } });
    const partial = await http
      .post('/kpi-plans')
      .send({ ...seed000, indicators: seed000.indicators.map((i, k) => (k === 0 ? { ...i, weight: 100 } : i)) })
      .expect(422);
    expect(partial.body.error.code).toBe('KPI_WEIGHTS_INCOMPLETE');
    const disagree = await http
      .post('/kpi-plans')
      .send({ ...seed000, indicators: [{ ...seed000.indicators[0], cumulativeTargets: [1, 3, 5, 7, 9] }] })
      .expect(422);
    expect(disagree.body.error.code).toBe('KPI_CUMULATIVE_MISMATCH');
    expect(await countEvents(saeil)).toBe(before);
  });

  it('answers 400 naming every bad field, 404 for an unknown plan or indicator, and appends nothing', async () => {
    const { planId, indicatorIds } = await enterSeed000();
    const before = await countEvents(saeil);
    const badPlan = await http
      .post('/kpi-plans')
      .send({
        ...seed000,
        fromYear: 1999,
        indicators: [
          {
            name: '',
            unit: '회',
            yearlyTargets: [1, -2, 'x', 1e-7],
            weight: 101,
            metric: 'retention_rate_m1',
            quarterlyTargets: [[1, 2, 3]],
          },
        ],
        extra: 1,
      })
      .expect(400);
    expect(fieldsOf(badPlan)).toEqual(
      expect.arrayContaining([
        'fromYear',
        'indicators.0.name',
        'indicators.0.yearlyTargets',
        'indicators.0.weight',
        'indicators.0.metric',
        'indicators.0.quarterlyTargets',
        'extra',
      ]),
    );
    const badActual = await enter(planId, {
      indicatorId: 'nope',
      year: 2024,
      quarter: 5,
      value: -1,
      enteredOn: '2024-02-30',
    }).expect(400);
    expect(fieldsOf(badActual)).toEqual(expect.arrayContaining(['indicatorId', 'quarter', 'value', 'enteredOn']));
    // Exponent notation is a number with too many decimals: a 400 on the field, not a 500.
    expect(
      fieldsOf(
        await enter(planId, {
          indicatorId: indicatorIds[1],
          year: 2024,
          value: 3e-323,
          enteredOn: '2024-05-31',
        }).expect(400),
      ),
    ).toEqual(['value']);
    expect(
      fieldsOf(
        await http
          .post('/kpi-plans')
          .send({ ...seed000, indicators: [{ ...seed000.indicators[0], weight: 1e-7 }] })
          .expect(400),
      ),
    ).toEqual(['indicators.0.weight']);
    expect(fieldsOf(await http.get('/kpi-plans/nope/achievement').expect(400))).toEqual(['planId']);
    expect(
      fieldsOf(await http.get(`/kpi-plans/${planId}/achievement`).query({ asOfDate: '2024-13-01' }).expect(400)),
    ).toEqual(['asOfDate']);

    await enter(randomUUID(), { indicatorId: indicatorIds[0], year: 2024, value: 1, enteredOn: '2024-05-31' }).expect(
      404,
    );
    await enter(planId, { indicatorId: randomUUID(), year: 2024, value: 1, enteredOn: '2024-05-31' }).expect(404);
    await http.get(`/kpi-plans/${randomUUID()}/achievement`).expect(404);
    expect(
      (await enter(planId, { indicatorId: indicatorIds[0], year: 2026, value: 1, enteredOn: '2099-01-02' }).expect(422))
        .body.error.code,
    ).toBe('DATE_IN_FUTURE');
    expect(
      (await enter(planId, { indicatorId: indicatorIds[0], year: 2021, value: 1, enteredOn: '2024-05-31' }).expect(422))
        .body.error.code,
    ).toBe('KPI_YEAR_OUTSIDE_TERM');
    expect(await countEvents(saeil)).toBe(before);
  });

  it("a plan is set and its actuals entered by its center's supervisor alone; its achievement is read there, by its region's supervisor and the Ministry, and is unknown (404) elsewhere", async () => {
    const { planId, indicatorIds, position } = await enterSeed000();
    const actual = { indicatorId: indicatorIds[0], year: 2024, value: 1, enteredOn: '2024-05-31' };
    const before = await countEvents(saeil);
    // Her counselor neither sets a plan nor enters an actual (403); another center's supervisor finds no such plan (404) and sets none for center-naju (403).
    expect((await counselors['center-naju'].post('/kpi-plans').send(seed000).expect(403)).body.error.code).toBe(
      'ACCESS_DENIED',
    );
    expect(
      (await counselors['center-naju'].post(`/kpi-plans/${planId}/actuals`).send(actual).expect(403)).body.error.code,
    ).toBe('ACCESS_DENIED');
    expect(
      (await supervisors['center-hwasun'].post(`/kpi-plans/${planId}/actuals`).send(actual).expect(404)).body.error
        .code,
    ).toBe('NOT_FOUND');
    expect((await supervisors['center-hwasun'].post('/kpi-plans').send(seed000).expect(403)).body.error.code).toBe(
      'OUT_OF_SCOPE',
    );
    expect(await countEvents(saeil)).toBe(before);

    const { consistency: _ignored, ...mine } = await achievement(planId, {
      asOfDate: '2024-05-31',
      minPosition: position,
    });
    for (const reader of [regionalSupervisorOf('전라남도'), MINISTRY_ANALYST]) {
      const read = await (
        await api(saeil, reader)
      )
        .get(`/kpi-plans/${planId}/achievement`)
        .query({ asOfDate: '2024-05-31' })
        .expect(200);
      // Above the center the figures follow the Ministry's small-cell rule; seed 000's persons (50, 100, 61) are all shown.
      expect(read.body).toEqual({ ...mine, disclosure: 'suppressed', suppressionThreshold: 5 });
    }
    await supervisors['center-hwasun']
      .get(`/kpi-plans/${planId}/achievement`)
      .query({ asOfDate: '2024-05-31' })
      .expect(404);
    await (
      await api(saeil, regionalSupervisorOf('경상남도'))
    )
      .get(`/kpi-plans/${planId}/achievement`)
      .query({ asOfDate: '2024-05-31' })
      .expect(404);
    expect((await counselors['center-naju'].get(`/kpi-plans/${planId}/achievement`).expect(403)).body.error.code).toBe(
      'ACCESS_DENIED',
    );
  });

  it('above the center a small person count is suppressed with its achievement and the overall, as in the statistics; her center sees it exact', async () => {
    const plan = await definePlan({
      centerId: 'center-naju',
      name: '소규모 지원 계획',
      fromYear: 2024,
      toYear: 2025,
      indicators: [
        { name: '창업 지원 인원', unit: '명', yearlyTargets: [5, 5] },
        { name: '협약 수', unit: '개소', yearlyTargets: [4, 4] },
      ],
    });
    const [persons, agreements] = plan.indicators.map((i) => i.indicatorId);
    await enter(plan.planId, { indicatorId: persons, year: 2024, value: 3, enteredOn: '2024-12-31' }).expect(201);
    const last = await enter(plan.planId, {
      indicatorId: agreements,
      year: 2024,
      value: 2,
      enteredOn: '2024-12-31',
    }).expect(201);
    const own = await achievement(plan.planId, { asOfDate: '2024-12-31', minPosition: last.body.position });
    expect(own).not.toHaveProperty('disclosure');
    expect(own.indicators.map((i: Record<string, unknown>) => [i.cumulativeActual, i.achievement, i.display])).toEqual([
      [3, 30, '30'],
      [2, 25, '25'],
    ]);
    expect(own.overall).toMatchObject({ achievement: 27.5, display: '27.5' });
    const S = { suppressed: true };
    for (const reader of [regionalSupervisorOf('전라남도'), MINISTRY_ANALYST]) {
      const read = (
        await (
          await api(saeil, reader)
        )
          .get(`/kpi-plans/${plan.planId}/achievement`)
          .query({ asOfDate: '2024-12-31' })
          .expect(200)
      ).body;
      expect(read).toMatchObject({ disclosure: 'suppressed', suppressionThreshold: 5 });
      expect(read.indicators[0]).toMatchObject({
        termTarget: 10,
        actualYearly: [S, null],
        actualCumulative: [S, null],
        cumulativeActual: S,
        achievement: S,
        display: '비공개',
      });
      // Not a person count: shown as it is.
      expect(read.indicators[1]).toMatchObject({
        actualYearly: [2, null],
        cumulativeActual: 2,
        achievement: 25,
        display: '25',
      });
      // The mean and 25 would give 30 back, so the overall is hidden too.
      expect(read.overall).toEqual({ achievement: S, display: '비공개', weighted: false });
      expect(JSON.stringify(read)).not.toMatch(/"(cumulativeActual|achievement)":(3|30)\b/);
    }
  });

  it('records council meetings (협의체 회의) through HTTP, refusing bad input with its fields', async () => {
    const before = await countEvents(saeil);
    const counselor = counselors['center-naju'];
    const bad = await counselor
      .post('/council-meetings')
      .send({ centerId: 'center naju', heldOn: '2024-02-30', title: '', attendees: 'x' })
      .expect(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['centerId', 'heldOn', 'title', 'attendees']));
    expect(
      (
        await counselor
          .post('/council-meetings')
          .send({ centerId: 'center-naju', heldOn: '2099-01-01', title: '협의체' })
          .expect(422)
      ).body.error.code,
    ).toBe('DATE_IN_FUTURE');
    // Another center's meeting is not hers to record.
    expect(
      (
        await counselor
          .post('/council-meetings')
          .send({ centerId: 'center-hwasun', heldOn: '2024-04-18', title: '협의체' })
          .expect(403)
      ).body.error.code,
    ).toBe('OUT_OF_SCOPE');
    expect(await countEvents(saeil)).toBe(before);

    const held = await counselor
      .post('/council-meetings')
      .send({
        centerId: 'center-naju',
        heldOn: '2024-04-18',
        title: '여성일자리 실무협의체 회의',
        attendees: ['나주시 여성친화팀', '광주고용복지플러스센터'],
      })
      .expect(201);
    const [stored] = await saeil.runtime.store.readStream(councilMeetingStreamId(held.body.meetingId));
    expect(stored).toMatchObject({
      type: 'CouncilMeetingHeld',
      context: 'employers',
      data: {
        meetingId: held.body.meetingId,
        centerId: 'center-naju',
        heldOn: '2024-04-18',
        title: '여성일자리 실무협의체 회의',
        attendees: ['나주시 여성친화팀', '광주고용복지플러스센터'],
      },
      metadata: { centerId: 'center-naju', occurredAt: '2024-04-18T00:00:00.000Z' },
    });
  });

  it("takes a mapped indicator's actuals from the statistics (council meetings) and refuses entering them by hand", async () => {
    // A center of its own, so the count is this test's meetings only.
    const centerId = 'center-jeju';
    for (const heldOn of ['2022-09-20', '2023-04-11', '2023-12-05']) {
      await counselors[centerId]
        .post('/council-meetings')
        .send({ centerId, heldOn, title: '여성일자리 실무협의체 회의' })
        .expect(201);
    }
    const plan = await definePlan({
      ...seed000,
      centerId,
      indicators: [{ ...seed000.indicators[0], metric: 'council_meetings' }, seed000.indicators[1]],
    });
    const [meetings, beneficiaries] = plan.indicators.map((i) => i.indicatorId);
    expect(
      (await enter(plan.planId, { indicatorId: meetings, year: 2023, value: 2, enteredOn: '2024-05-31' }).expect(422))
        .body.error,
    ).toMatchObject({ code: 'KPI_ACTUAL_FROM_STATISTICS', details: { metric: 'council_meetings' } });
    const entered = await enter(plan.planId, {
      indicatorId: beneficiaries,
      year: 2022,
      value: 50,
      enteredOn: '2022-12-31',
    }).expect(201);

    // The statistics count the meetings once their projection has them: 1 in 2022, 2 in 2023 → 3/8.
    const answer = await waitFor(
      async () => {
        const body = await achievement(plan.planId, { asOfDate: '2024-05-31', minPosition: entered.body.position });
        return body.indicators[0].cumulativeActual === 3 ? body : undefined;
      },
      { timeoutMs: 30_000, description: 'the council meetings counted by the statistics' },
    );
    expect(answer.indicators[0]).toMatchObject({
      source: 'council_meetings',
      actualYearly: [1, 2, 0, null, null],
      display: '37.5',
    });
    expect(answer.indicators[1]).toMatchObject({ source: 'entered', cumulativeActual: 50, display: '10' });
    expect(answer.overall.display).toBe('23.75');
  });

  it('answers the same achievement after the read model is rebuilt from position zero', async () => {
    const { planId, position } = await enterSeed000();
    const { consistency: _ignored, ...before } = await achievement(planId, {
      asOfDate: '2024-05-31',
      minPosition: position,
    });
    await saeil.runtime.rebuilder.rebuild(kpiPlansProjection);
    expect(await achievement(planId, { asOfDate: '2024-05-31' })).toEqual(before);
    expect(before.overall.display).toBe('40.85');
  });

  it('gives the Ministry report the plans of a scope through KpiSource, as of a position', async () => {
    const { planId, position } = await enterSeed000('center-hwasun');
    await achievement(planId, { minPosition: position });
    const source = saeil.app.get(KpiSource, { strict: false });
    const [plan] = await source.achievementsFor({ level: 'center', id: 'center-hwasun' }, { asOfDate: '2024-05-31' });
    expect(plan).toMatchObject({ planId, centerId: 'center-hwasun', term: { fromYear: 2022, toYear: 2026 } });
    expect(plan.indicators.map((i) => [i.actual, i.termTarget, i.source])).toEqual([
      [3, 8, 'entered'],
      [211, 500, 'entered'],
      [12, 28, 'entered'],
    ]);
    expect(plan.overall).toBeCloseTo((37.5 + 42.2 + (12 * 100) / 28) / 3, 12);
    // As of the position the plan was defined at, no actual had been entered yet.
    const [stored] = await saeil.runtime.store.readStream(kpiPlanStreamId(planId));
    const [atDefinition] = await source.achievementsFor(
      { level: 'center', id: 'center-hwasun' },
      { asOfDate: '2024-05-31', asOfPosition: stored.globalPosition },
    );
    expect(atDefinition.indicators.map((i) => i.actual)).toEqual([0, 0, 0]);
    expect(
      await source.achievementsFor(
        { level: 'center', id: 'center-hwasun' },
        { asOfPosition: stored.globalPosition - 1 },
      ),
    ).toEqual([]);
    const nation = await source.achievementsFor({ level: 'nation' }, { asOfDate: '2024-05-31' });
    expect(nation.map((p) => p.planId)).toContain(planId);

    // A KPI event at or below the position that the read model has not applied yet: 503, never a report missing it.
    const db = saeil.runtime.dataSource;
    const [applied] = await db.query(
      `SELECT * FROM projection_stream_positions WHERE projection = 'kpi-plans' AND stream_id = $1`,
      [kpiPlanStreamId(planId)],
    );
    await db.query(
      `UPDATE projection_stream_positions SET stream_version = 1 WHERE projection = 'kpi-plans' AND stream_id = $1`,
      [kpiPlanStreamId(planId)],
    );
    try {
      await expect(
        source.achievementsFor({ level: 'center', id: 'center-hwasun' }, { asOfPosition: position }),
      ).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      // Below the unapplied events it answers.
      expect(
        await source.achievementsFor({ level: 'center', id: 'center-hwasun' }, { asOfPosition: stored.globalPosition }),
      ).toHaveLength(1);
    } finally {
      await db.query(
        `UPDATE projection_stream_positions SET stream_version = $2 WHERE projection = 'kpi-plans' AND stream_id = $1`,
        [kpiPlanStreamId(planId), applied.stream_version],
      );
    }
  });
});
