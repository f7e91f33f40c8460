import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describeKafka, waitFor } from '../../../tests/support/env';
import { startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { KafkaObserver, observeTopics } from '../../../tests/support/kafka-observer';
import { ministryStatsTopic } from './feed/ministry-stats.reactor';
import {
  accountIdOf,
  Api,
  api,
  counselorOf,
  MINISTRY_ANALYST,
  regionalSupervisorOf,
  supervisorOf,
} from '../../../tests/support/auth';

/**
 * The Ministry report against the real application: PostgreSQL, Kafka, the statistics and KPI
 * modules behind their ports, all driven through HTTP (the KPI plan too).
 *
 * The story (center-naju, 2026-Q1): eight women registered on 2026-01-05; six placed in January
 * (regular, occupation group '0', 2,350,000 KRW, via the center) → version 1; then two more
 * placed in February → version 2. No follow-up is recorded, so every eligible placement is
 * "unverified" at 2026-03-31, the day retention is taken as of.
 */
const BASE = '/ministry-reports/center/2026-Q1';
const SCOPE = { id: 'center-naju' };
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const S = { suppressed: true };

/** `counselorId`: her counselor's account (names and phones are all a reader may look for). */
function clientBody(i: number, counselorId = '') {
  return {
    name: `보고${i}`,
    birthDate: `19${70 + i}-0${(i % 9) + 1}-1${i % 10}`,
    phone: `010-5${String(i).padStart(3, '0')}-${String(4000 + i)}`,
    centerId: 'center-naju',
    counselorId,
    region: '전라남도',
    registeredOn: '2026-01-05',
  };
}

describeKafka('Ministry report (PostgreSQL + Kafka)', () => {
  let saeil: TestSaeil;
  let observer: KafkaObserver;
  const clientIds: string[] = [];
  const placementIds: string[] = [];
  /** center-naju's counselor registers and places the women; its supervisor sets the KPI plan and answers for the center's report. */
  let counselor: Api;
  let http: Api;

  const place = async (clientId: string, startOn: string) => {
    const res = await counselor
      .post(`/clients/${clientId}/placements`)
      .send({
        employerName: '(주)새일상사',
        jobTitle: '사무원',
        occupation: '사무 보조',
        occupationGroup: '0',
        employmentType: 'regular',
        weeklyHours: 40,
        monthlyWage: 2_350_000,
        startOn,
        channel: 'center',
        employmentInsurance: true,
      })
      .expect(201);
    placementIds.push(res.body.placementId);
  };
  const preview = (query: Record<string, string | number> = {}) => http.get(BASE).query({ ...SCOPE, ...query });
  const untilPlacements = (n: number) =>
    waitFor(
      async () => {
        const res = await preview();
        return res.status === 200 && res.body.employment.placements === n;
      },
      { timeoutMs: 60_000, description: `the statistics to count ${n} placements` },
    );

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'reports', kafka: true });
    // The stats reactor creates its topic on the first report; the observer subscribes before that.
    await saeil.runtime.bus!.ensureTopics([{ topic: ministryStatsTopic(saeil.config.KAFKA_TOPIC_PREFIX) }]);
    observer = await observeTopics(saeil, {
      contexts: [],
      topics: [ministryStatsTopic(saeil.config.KAFKA_TOPIC_PREFIX)],
    });
    counselor = await api(saeil, counselorOf('center-naju'));
    http = await api(saeil, supervisorOf('center-naju'));
    const kim = await accountIdOf(saeil, counselorOf('center-naju'));
    for (let i = 1; i <= 8; i++) {
      const created = await counselor.post('/clients').send(clientBody(i, kim)).expect(201);
      clientIds.push(created.body.clientId);
      for (const purpose of ['service', 'employer_sharing']) {
        await counselor
          .post(`/clients/${created.body.clientId}/consents`)
          .send({ purpose, version: '2026-01', givenOn: '2026-01-05' })
          .expect(200);
      }
    }
    // The center's KPI plan first: a report is as of the position the statistics have counted up
    // to, so plans and actuals written after their last event wait for the next one (README).
    const plan = await http
      .post('/kpi-plans')
      .send({
        centerId: 'center-naju',
        name: '2026 새일센터 성과계획',
        fromYear: 2026,
        toYear: 2026,
        indicators: [
          { name: '취업자 수', unit: '명', yearlyTargets: [10], metric: 'employed_clients' },
          { name: '협의체 회의', unit: '회', yearlyTargets: [4] },
          { name: '창업 지원', unit: '명', yearlyTargets: [10], metric: 'startups' },
        ],
      })
      .expect(201);
    const meetings = plan.body.indicators.find((i: { name: string }) => i.name === '협의체 회의').indicatorId;
    await http
      .post(`/kpi-plans/${plan.body.planId}/actuals`)
      .send({ indicatorId: meetings, year: 2026, value: 3, enteredOn: '2026-03-20' })
      .expect(201);
    for (let i = 0; i < 6; i++) await place(clientIds[i], `2026-01-${String(10 + i).padStart(2, '0')}`);
    await untilPlacements(6);
    await waitFor(
      async () => {
        const res = await preview();
        return res.status === 200 && res.body.kpi[0]?.indicators[1]?.actual === 3;
      },
      { timeoutMs: 60_000, description: 'the KPI plan and its entered actual in the report' },
    );
  }, 180_000);

  afterAll(async () => {
    await observer?.stop();
    await saeil?.dispose();
  });

  let first: { version: number; asOfPosition: number; contentHash: string; reportId: string };
  let second: typeof first;

  it('submitting freezes version 1: figures counted by hand, small cells suppressed, no person in it', async () => {
    const res = await http.post(`${BASE}/submissions`).query(SCOPE).send({}).expect(201);
    first = res.body;
    expect(first).toMatchObject({
      reportId: 'ministry-report-center-center-naju-2026-Q1',
      version: 1,
      duplicate: false,
    });

    const frozen = await http.get(`${BASE}/versions/1`).query(SCOPE).expect(200);
    expect(frozen.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(frozen.headers['content-disposition']).toBe(
      'attachment; filename="ministry-report-center-center-naju-2026-Q1-v1.json"',
    );
    const bytes = Buffer.from(frozen.text, 'utf8');
    expect(sha256(bytes)).toBe(first.contentHash);

    const report = JSON.parse(frozen.text);
    expect(report).toMatchObject({
      level: 'center',
      scopeId: 'center-naju',
      period: { key: '2026-Q1', kind: 'quarter', from: '2026-01-01', to: '2026-03-31' },
      asOfPosition: first.asOfPosition,
      asOfDate: '2026-03-31',
      suppressionThreshold: 5,
    });
    expect(report.employment).toMatchObject({ clientsRegistered: 8, employedClients: 6, placements: 6 });
    // Every key is there, 0 when nothing counts: the zeros are hidden, and the lone 6 beside them
    // (it would be 6 − 0 − 0 …), so a breakdown with one non-empty value shows nothing.
    expect(report.employment.placementsByEmploymentType).toEqual({
      contract: S,
      daily: S,
      other: S,
      part_time: S,
      regular: S,
    });
    expect(report.employment.placementsByChannel).toEqual({ center: S, self: S });
    expect(report.employment.placementsByWageBand).toEqual({ '2m_3m': S, '3m_4m': S, '4m_and_over': S, under_2m: S });
    // Months 1 and 2 (02-10…02-15, 03-10…03-15) have passed by 03-31, month 3 has not: 6, 6, 0 eligible.
    // Each eligible 6 is all "unverified"; the four zeros are hidden, and the 6 with them (it would be 6 − 0).
    const allHidden = {
      sameEmployer: S,
      otherEmployer: S,
      notEmployed: S,
      unreachable: S,
      unverified: S,
      retentionRate: S,
      anyEmployerRate: S,
      unverifiedShare: S,
    };
    expect(report.retention).toEqual([
      { n: 1, eligible: 6, ...allHidden },
      { n: 2, eligible: 6, ...allHidden },
      { n: 3, eligible: S, ...allHidden },
    ]);

    // KPI as of 2026-03-31: 6 of 10 employed (60 %), 3 of 4 meetings (75 %), 0 startups: a small
    // person count, hidden with its achievement, and so the plan's overall too.
    expect(report.kpi).toHaveLength(1);
    expect(
      report.kpi[0].indicators.map((i: Record<string, unknown>) => [
        i.name,
        i.unit,
        i.termTarget,
        i.actual,
        i.achievement,
        i.source,
      ]),
    ).toEqual([
      ['취업자 수', '명', 10, 6, 60, 'employed_clients'],
      ['협의체 회의', '회', 4, 3, 75, 'entered'],
      ['창업 지원', '명', 10, S, S, 'startups'],
    ]);
    expect(report.kpi[0]).toMatchObject({
      name: '2026 새일센터 성과계획',
      centerId: 'center-naju',
      term: { fromYear: 2026, toYear: 2026 },
      overall: S,
    });

    for (const text of [frozen.text, (await preview({ format: 'csv', reason: '분기 실적 보고' })).text]) {
      for (const id of [...clientIds, ...placementIds]) expect(text).not.toContain(id);
      for (let i = 1; i <= 8; i++) {
        expect(text).not.toContain(clientBody(i).name);
        expect(text).not.toContain(clientBody(i).phone);
      }
    }
  });

  it('regenerating the period as of the frozen position gives the same bytes', async () => {
    // view=ministry: the report alone, without her exact figures (her default adds them beside it).
    const again = await preview({ asOfPosition: first.asOfPosition, view: 'ministry' }).expect(200);
    const frozen = await http.get(`${BASE}/versions/1`).query(SCOPE).expect(200);
    expect(again.text).toBe(frozen.text);
    expect(again.headers['x-report-as-of-position']).toBe(String(first.asOfPosition));
  });

  it('a resubmission that changes nothing is refused and adds no version', async () => {
    const res = await http
      .post(`${BASE}/submissions`)
      .query(SCOPE)
      .send({ asOfPosition: first.asOfPosition })
      .expect(422);
    expect(res.body.error.code).toBe('REPORT_UNCHANGED');
    const versions = await http.get(`${BASE}/versions`).query(SCOPE).expect(200);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('after new events a correction is version 2; both stay visible, version 1 unchanged', async () => {
    const topic = ministryStatsTopic(saeil.config.KAFKA_TOPIC_PREFIX);
    await waitFor(async () => observer.published.some((m) => m.topic === topic), {
      timeoutMs: 30_000,
      description: 'version 1 on the Ministry stats topic',
    });

    await place(clientIds[6], '2026-02-02');
    await place(clientIds[7], '2026-02-03');
    await untilPlacements(8);
    const res = await http
      .post(`${BASE}/submissions`)
      .query(SCOPE)
      .set('Idempotency-Key', 'q1-correction-1')
      .send({})
      .expect(201);
    second = res.body;
    const retried = await http
      .post(`${BASE}/submissions`)
      .query(SCOPE)
      .set('Idempotency-Key', 'q1-correction-1')
      .send({})
      .expect(200); // the first answer repeated, as every command answers a duplicate
    expect(retried.body).toMatchObject({ version: 2, contentHash: second.contentHash, duplicate: true });
    expect(second.version).toBe(2);
    expect(second.asOfPosition).toBeGreaterThan(first.asOfPosition);
    expect(second.contentHash).not.toBe(first.contentHash);

    const versions = await http.get(`${BASE}/versions`).query(SCOPE).expect(200);
    expect(versions.body.map((v: Record<string, unknown>) => [v.version, v.asOfPosition, v.contentHash])).toEqual([
      [1, first.asOfPosition, first.contentHash],
      [2, second.asOfPosition, second.contentHash],
    ]);
    expect(versions.body[0]).not.toHaveProperty('figures');

    const v1 = await http.get(`${BASE}/versions/1`).query(SCOPE).expect(200);
    const v2 = await http.get(`${BASE}/versions/2`).query(SCOPE).expect(200);
    expect(sha256(v1.text)).toBe(first.contentHash);
    expect(sha256(v2.text)).toBe(second.contentHash);
    expect(JSON.parse(v1.text).employment.placements).toBe(6);
    // February's two: month 1 (03-02, 03-03) has passed by 03-31, month 2 has not.
    expect(JSON.parse(v2.text).employment).toMatchObject({ employedClients: 8, placements: 8 });
    expect(JSON.parse(v2.text).retention.map((m: { eligible: unknown }) => m.eligible)).toEqual([8, 6, S]);
    expect(JSON.parse(v2.text).kpi[0].indicators[0]).toMatchObject({ actual: 8, achievement: 80 });
    expect(JSON.parse(v1.text).kpi[0].indicators[0]).toMatchObject({ actual: 6, achievement: 60 });
  });

  it('the XLSX of version 2, read back with exceljs, has the Korean headers and the figures', async () => {
    const res = await http
      .get(`${BASE}/versions/2`)
      .query({ ...SCOPE, format: 'xlsx', reason: '분기 실적 보고' })
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="ministry-report-center-center-naju-2026-Q1-v2.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '구분', '항목', '세부', '값']);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows).toContainEqual([undefined, '보고서 정보', '제출 판', '', 2]);
    expect(rows).toContainEqual([undefined, '보고서 정보', '내용 해시 (SHA-256)', '', second.contentHash]);
    expect(rows).toContainEqual([undefined, '취업', '취업 건수', '', 8]);
    expect(rows).toContainEqual([undefined, '고용유지 (사후관리)', '1개월 대상자', '전체', 8]);
    expect(rows).toContainEqual([undefined, '고용유지 (사후관리)', '1개월 미확인', '전체', '비공개']);
    expect(rows).toContainEqual([
      undefined,
      '성과지표 (나주여성새로일하기센터)',
      '2026 새일센터 성과계획 · 취업자 수 (명)',
      '달성률(%)',
      80,
    ]);
    expect(rows).toContainEqual([
      undefined,
      '성과지표 (나주여성새로일하기센터)',
      '2026 새일센터 성과계획',
      '종합 달성률(%)',
      '비공개',
    ]);
    // Korean throughout: the center by its name, labels for the codes, 기준 시점 for the position.
    expect(rows).toContainEqual([undefined, '보고서 정보', '대상', '', '나주여성새로일하기센터']);
    expect(rows).toContainEqual([undefined, '보고서 정보', '기준 시점', '기록 번호', second.asOfPosition]);
    expect(rows).toContainEqual([undefined, '취업', '고용형태별 취업 건수', '정규직', '비공개']);
    expect(rows).toContainEqual([undefined, '취업', '임금대별 취업 건수', '200만~300만원 미만', '비공개']);
    expect(rows).toContainEqual([undefined, '활동', '유형별 협약 체결 건수', '여성친화기업 협약', 0]);
    expect(rows.filter((r) => r[1] === '고용유지 (고용형태별)' && r[2] === '1개월 대상자').map((r) => r[3])).toContain(
      '정규직',
    );
    const words = rows.map((r) => r.slice(1, 4).join(' ')).join('\n');
    expect(words).not.toMatch(/\b(in_center|regular|2m_3m|women_friendly_company|center-naju)\b|이벤트 저장소/);
  });

  it('the region and the nation roll the center up; by center, the one center with figures is hidden beside the zeros', async () => {
    // The region's supervisor reads her region, the Ministry the nation.
    const region = await (
      await api(saeil, regionalSupervisorOf('전라남도'))
    )
      .get('/ministry-reports/region/2026-Q1')
      .query({ id: '전라남도' })
      .expect(200);
    const nation = await (await api(saeil, MINISTRY_ANALYST)).get('/ministry-reports/nation/2026-Q1').expect(200);
    for (const report of [region.body, nation.body]) {
      expect(report.employment).toMatchObject({ clientsRegistered: 8, employedClients: 8, placements: 8 });
      expect(report.retention[0].eligible).toBe(8);
      // By center, every other center's 0 is hidden; center-naju's 8 beside the published 8 would
      // show that they add up to 0, so it is hidden too.
      const byCenter = report.retentionBreakdowns.find((b: { dimension: string }) => b.dimension === 'center');
      expect(byCenter.rows.length).toBeGreaterThan(1);
      expect(byCenter.rows.find((r: { key: string }) => r.key === 'center-naju').milestones[0].eligible).toEqual(S);
    }
    // A Korean region name: the RFC 6266 UTF-8 form next to an ASCII fallback.
    expect(region.headers['content-disposition']).toContain(
      `filename*=UTF-8''ministry-report-region-${encodeURIComponent('전라남도')}-2026-Q1.json`,
    );
    expect(nation.body).toMatchObject({ level: 'nation', scopeId: null });
  });

  it('CSV: UTF-8 with a BOM, Korean header, named by level, scope and period', async () => {
    const res = await preview({ format: 'csv', reason: '분기 실적 보고', view: 'ministry' }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="ministry-report-center-center-naju-2026-Q1.csv"',
    );
    expect(res.text.startsWith('\uFEFF구분,항목,세부,값\r\n')).toBe(true);
    expect(res.text).toContain('\r\n취업,취업 건수,,8\r\n');
  });

  it("the center's own preview shows her exact figures beside each suppressed one; readers above the center see only what the Ministry sees", async () => {
    // Her default: the published report plus `exact`, every count as it is.
    const own = await preview().expect(200);
    expect(own.body.view).toBe('center');
    expect(own.body.employment.placementsByEmploymentType.regular).toEqual(S);
    expect(own.body.exact.employment.placementsByEmploymentType).toEqual({
      contract: 0,
      daily: 0,
      other: 0,
      part_time: 0,
      regular: 8,
    });
    expect(own.body.retention[0].unverified).toEqual(S);
    expect(own.body.exact.retention[0]).toMatchObject({ n: 1, eligible: 8, unverified: 8, unverifiedShare: 100 });
    expect(own.body.kpi[0].indicators[2]).toMatchObject({ name: '창업 지원', actual: S, achievement: S });
    expect(own.body.exact.kpi[0].indicators[2]).toMatchObject({ name: '창업 지원', actual: 0, achievement: 0 });
    // What a submission freezes is unchanged by it: the published part equals the ministry view.
    const { view: _view, exact: _exact, ...publishedPart } = own.body;
    expect(publishedPart).toEqual((await preview({ view: 'ministry' }).expect(200)).body);

    // The file: a fifth column, and no suppressed row without its exact figure.
    const csv = await preview({ format: 'csv', reason: '센터 내부 검토' }).expect(200);
    const lines = csv.text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('구분,항목,세부,값 (성평등가족부 제출),센터 실제 값 (센터 내부용)');
    const cells = lines.slice(1).map((line) => line.split(','));
    const suppressed = cells.filter((c) => c[c.length - 2] === '비공개');
    expect(suppressed.length).toBeGreaterThan(10);
    for (const c of suppressed) expect(c[c.length - 1]).toMatch(/^(-?\d+(\.\d+)?|-)$/);
    expect(lines).toContain('취업,고용형태별 취업 건수,정규직,비공개,8');

    // Above the center: the Ministry's figures only, by default and when asked otherwise.
    for (const reader of [await api(saeil, regionalSupervisorOf('전라남도')), await api(saeil, MINISTRY_ANALYST)]) {
      const seen = await reader.get(BASE).query(SCOPE).expect(200);
      expect(seen.body).not.toHaveProperty('exact');
      expect(seen.body).toEqual(publishedPart);
      const refused = await reader
        .get(BASE)
        .query({ ...SCOPE, view: 'center' })
        .expect(403);
      expect(refused.body.error).toMatchObject({
        code: 'OUT_OF_SCOPE',
        fields: [expect.objectContaining({ field: 'view' })],
      });
      const file = await reader
        .get(BASE)
        .query({ ...SCOPE, format: 'csv', reason: '검토' })
        .expect(200);
      expect(file.text.startsWith('\uFEFF구분,항목,세부,값\r\n')).toBe(true);
    }
  });

  it('each submitted version is published to saeil.ministry.stats.v1, keyed by level, scope and period', async () => {
    const topic = ministryStatsTopic(saeil.config.KAFKA_TOPIC_PREFIX);
    const messages = await waitFor(
      async () => {
        const seen = observer.published.filter((m) => m.topic === topic);
        return seen.length >= 2 && seen;
      },
      { timeoutMs: 30_000, description: 'two messages on the Ministry stats topic' },
    );
    expect(messages.map((m) => [m.key, m.event.version, m.event.contentHash])).toEqual([
      ['center:center-naju:2026-Q1', 1, first.contentHash],
      ['center:center-naju:2026-Q1', 2, second.contentHash],
    ]);
    const v2 = await http.get(`${BASE}/versions/2`).query(SCOPE).expect(200);
    expect(messages[1].event.figures).toEqual(JSON.parse(v2.text));
    expect(messages[1].headers['event-type']).toBe('MinistryReportSubmitted');
    for (const id of clientIds) expect(JSON.stringify(messages.map((m) => m.event))).not.toContain(id);
  });

  it('bad requests change nothing: unfinished period 422, bad period or format 400, unknown center 404, a position not yet counted 422, unknown version 404', async () => {
    const before = await http.get(`${BASE}/versions`).query(SCOPE).expect(200);
    const open = await http.post('/ministry-reports/center/2099-Q1/submissions').query(SCOPE).send({}).expect(422);
    expect(open.body.error.code).toBe('REPORT_PERIOD_NOT_ENDED');
    const badPeriod = await http.get('/ministry-reports/center/2026-13').query(SCOPE).expect(400);
    expect(badPeriod.body.error.fields).toEqual([expect.objectContaining({ field: 'period', code: 'reportPeriod' })]);
    const badFormat = await preview({ format: 'pdf' }).expect(400);
    expect(badFormat.body.error.fields).toEqual([expect.objectContaining({ field: 'format' })]);
    const noId = await http.get(BASE).expect(400);
    expect(noId.body.error.fields).toEqual([expect.objectContaining({ field: 'id' })]);
    // A center nobody has: 404 to the Ministry, which reaches every center; to a center's supervisor it is beyond her reach, 404 too.
    await (await api(saeil, MINISTRY_ANALYST)).get(BASE).query({ id: 'center-nowhere' }).expect(404);
    await http.get(BASE).query({ id: 'center-nowhere' }).expect(404);
    const ahead = await preview({ asOfPosition: 10_000_000 }).expect(422);
    expect(ahead.body.error.code).toBe('REPORT_POSITION_AHEAD');
    await http.get(`${BASE}/versions/3`).query(SCOPE).expect(404);
    await http.get('/ministry-reports/center/2026-Q2/versions').query(SCOPE).expect(404);
    const after = await http.get(`${BASE}/versions`).query(SCOPE).expect(200);
    expect(after.body).toEqual(before.body);
  });

  it("the center's report is read by its supervisor, its region's and the Ministry, submitted by its supervisor alone, and is unknown (404) to other centers and regions; nothing changes", async () => {
    const before = await http.get(`${BASE}/versions`).query(SCOPE).expect(200);
    const v2 = await http.get(`${BASE}/versions/2`).query(SCOPE).expect(200);
    const regional = await api(saeil, regionalSupervisorOf('전라남도'));
    const analyst = await api(saeil, MINISTRY_ANALYST);
    for (const reader of [regional, analyst]) {
      expect((await reader.get(`${BASE}/versions/2`).query(SCOPE).expect(200)).text).toBe(v2.text);
      expect((await reader.get(`${BASE}/versions`).query(SCOPE).expect(200)).body).toEqual(before.body);
      await reader.get(BASE).query(SCOPE).expect(200);
      // Reading is wider than submitting: the center's report is its supervisor's to submit.
      const refused = await reader.post(`${BASE}/submissions`).query(SCOPE).send({}).expect(403);
      expect(refused.body.error.code).toBe('ACCESS_DENIED');
    }
    // Her counselor reads no Ministry report at all.
    expect((await counselor.get(BASE).query(SCOPE).expect(403)).body.error.code).toBe('ACCESS_DENIED');
    await counselor.post(`${BASE}/submissions`).query(SCOPE).send({}).expect(403);
    // Another center's supervisor and another region's know no such report.
    const hwasun = await api(saeil, supervisorOf('center-hwasun'));
    const gyeongnam = await api(saeil, regionalSupervisorOf('경상남도'));
    for (const stranger of [hwasun, gyeongnam]) {
      await stranger.get(BASE).query(SCOPE).expect(404);
      await stranger.get(`${BASE}/versions`).query(SCOPE).expect(404);
      await stranger.get(`${BASE}/versions/1`).query(SCOPE).expect(404);
      await stranger.post(`${BASE}/submissions`).query(SCOPE).send({}).expect(404);
    }
    // Nor does a center's supervisor reach her region's or the nation's.
    await http.get('/ministry-reports/region/2026-Q1').query({ id: '전라남도' }).expect(404);
    await http.get('/ministry-reports/nation/2026-Q1').expect(404);
    await http.post('/ministry-reports/nation/2026-Q1/submissions').send({}).expect(404);
    expect((await http.get(`${BASE}/versions`).query(SCOPE).expect(200)).body).toEqual(before.body);
  });
});

describe('Ministry report in embedded mode (PostgreSQL, no Kafka)', () => {
  let saeil: TestSaeil;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'reports-embedded', kafka: false });
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  it('a report is frozen and served as in Kafka mode (no broker: the stats feed has nowhere to publish)', async () => {
    // The nation's report is the Ministry's to submit.
    const http = await api(saeil, MINISTRY_ANALYST);
    const submitted = await http.post('/ministry-reports/nation/2026-03/submissions').send({}).expect(201);
    expect(submitted.body).toMatchObject({
      reportId: 'ministry-report-nation-nation-2026-03',
      version: 1,
      duplicate: false,
    });
    const frozen = await http.get('/ministry-reports/nation/2026-03/versions/1').expect(200);
    expect(sha256(frozen.text)).toBe(submitted.body.contentHash);
    // Nothing happened in March 2026 here: every person count is 0, so every one is hidden.
    expect(JSON.parse(frozen.text)).toMatchObject({
      level: 'nation',
      scopeId: null,
      period: { key: '2026-03', kind: 'month', from: '2026-03-01', to: '2026-03-31' },
      employment: { clientsRegistered: S, placements: S },
      kpi: [],
    });
  });

  it("a region's report is submitted by that region's supervisor; neither the Ministry nor a center's supervisor submits it, nor she the nation's", async () => {
    const regional = await api(saeil, regionalSupervisorOf('전라남도'));
    const path = '/ministry-reports/region/2026-03/submissions';
    const id = { id: '전라남도' };
    expect((await (await api(saeil, MINISTRY_ANALYST)).post(path).query(id).send({}).expect(403)).body.error.code).toBe(
      'ACCESS_DENIED',
    );
    await (await api(saeil, supervisorOf('center-naju'))).post(path).query(id).send({}).expect(404);
    await (await api(saeil, regionalSupervisorOf('경상남도'))).post(path).query(id).send({}).expect(404);
    await regional.post('/ministry-reports/nation/2026-03/submissions').send({}).expect(404);
    await regional.get(`/ministry-reports/region/2026-03/versions`).query(id).expect(404); // nothing submitted yet

    const submitted = await regional.post(path).query(id).send({}).expect(201);
    expect(submitted.body).toMatchObject({ version: 1, duplicate: false });
    const versions = await regional.get('/ministry-reports/region/2026-03/versions').query(id).expect(200);
    expect(versions.body.map((v: { version: number; contentHash: string }) => [v.version, v.contentHash])).toEqual([
      [1, submitted.body.contentHash],
    ]);
    // The Ministry reads it.
    const frozen = await (
      await api(saeil, MINISTRY_ANALYST)
    )
      .get('/ministry-reports/region/2026-03/versions/1')
      .query(id)
      .expect(200);
    expect(sha256(frozen.text)).toBe(submitted.body.contentHash);
  });
});
