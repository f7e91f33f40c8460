import request from 'supertest';
import { CASE_SYSTEM_MODULES, MINISTRY_DASHBOARD_MODULES } from '@saeil/app';
import { ministryStatsTopic } from '@saeil/reports';
import { describeKafka, waitFor } from '../support/env';
import { startTestSaeil, TestSaeil } from '../support/app';
import { Api, api, counselorAccount, counselorOf, MINISTRY_ANALYST, supervisorOf } from '../support/auth';

/**
 * The Ministry dashboard is fed only by submitted reports: a supervisor submits her center's
 * month, and the dashboard's own store (schema ministry_dashboard) and read API show it — in
 * embedded mode followed from the event store, in Kafka mode through saeil.ministry.stats.v1,
 * also when the dashboard runs as its own process beside the case system. A correction is a new
 * version. After the run, the store holds no person: no client id, name, phone or account.
 */
const PERIOD = '2026-01';
const S = { suppressed: true };

function clientBody(i: number, counselorId: string) {
  return {
    name: `대시${i}`,
    birthDate: `19${70 + i}-0${(i % 9) + 1}-1${i % 10}`,
    phone: `010-7${String(i).padStart(3, '0')}-${String(5000 + i)}`,
    centerId: 'center-naju',
    counselorId,
    region: '전라남도',
    registeredOn: '2026-01-05',
  };
}

/** What the case system knows of the women and staff of a run: none of it may reach the dashboard's store. */
interface PersonTraces {
  clientIds: string[];
  values: string[];
}

async function recordWomenAndPlace(saeil: TestSaeil, placed: number, traces: PersonTraces): Promise<void> {
  const counselor = await api(saeil, counselorOf('center-naju'));
  const counselorId = await counselorAccount(saeil, 'center-naju');
  for (let i = 1; i <= placed; i++) {
    const body = clientBody(traces.clientIds.length + 1, counselorId);
    const created = await counselor.post('/clients').send(body).expect(201);
    traces.clientIds.push(created.body.clientId);
    traces.values.push(body.name, body.phone, body.birthDate);
    for (const purpose of ['service', 'employer_sharing']) {
      await counselor
        .post(`/clients/${created.body.clientId}/consents`)
        .send({ purpose, version: '2026-01', givenOn: '2026-01-05' })
        .expect(200);
    }
    await counselor
      .post(`/clients/${created.body.clientId}/placements`)
      .send({
        employerName: '(주)대시상사',
        jobTitle: '사무원',
        occupation: '사무 보조',
        occupationGroup: '0',
        employmentType: 'regular',
        weeklyHours: 40,
        monthlyWage: 2_350_000,
        startOn: '2026-01-20',
        channel: 'center',
        employmentInsurance: true,
      })
      .expect(201);
  }
}

/** The supervisor submits center-naju's month once the statistics count `placements` placements. */
async function submitWhenCounted(supervisor: Api, placements: number): Promise<number> {
  await waitFor(
    async () => {
      const res = await supervisor.get(`/ministry-reports/center/${PERIOD}`).query({ id: 'center-naju' });
      return res.status === 200 && res.body.employment.placements === placements;
    },
    { timeoutMs: 60_000, description: `the statistics to count ${placements} placements` },
  );
  const res = await supervisor
    .post(`/ministry-reports/center/${PERIOD}/submissions`)
    .query({ id: 'center-naju' })
    .send({})
    .expect(201);
  return res.body.version;
}

const untilDashboardVersion = (analyst: Api, version: number) =>
  waitFor(
    async () => {
      const res = await analyst
        .get('/ministry-dashboard/versions')
        .query({ level: 'center', id: 'center-naju', period: PERIOD });
      return res.status === 200 && res.body.length === version;
    },
    { timeoutMs: 60_000, description: `the dashboard to hold version ${version}` },
  );

/** Every row and column of every table of the dashboard's schema, as text. */
async function dashboardStoreText(saeil: TestSaeil): Promise<{ tables: string[]; text: string }> {
  const tables = (
    await saeil.runtime.dataSource.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'ministry_dashboard' ORDER BY 1`,
    )
  ).map((t) => t.table_name);
  let text = '';
  for (const table of tables)
    text += JSON.stringify(await saeil.runtime.dataSource.query(`SELECT * FROM ministry_dashboard.${table}`));
  return { tables, text };
}

async function expectNoPerson(saeil: TestSaeil, traces: PersonTraces): Promise<void> {
  const { tables, text } = await dashboardStoreText(saeil);
  expect(tables).toEqual(['report_versions']);
  expect(text.length).toBeGreaterThan(1000);
  const accounts = await saeil.runtime.dataSource.query<{ account_id: string; username: string }[]>(
    `SELECT account_id, username FROM accounts`,
  );
  for (const value of [...traces.clientIds, ...traces.values, ...accounts.flatMap((a) => [a.account_id, a.username])]) {
    expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
  }
  // No column of the schema is made to hold a person.
  const columns = await saeil.runtime.dataSource.query<{ column_name: string }[]>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'ministry_dashboard'`,
  );
  expect(
    columns.map((c) => c.column_name).filter((c) => /client|name|phone|birth|actor|account|counselor/.test(c)),
  ).toEqual([]);
}

describe('Ministry dashboard, embedded mode (PostgreSQL)', () => {
  let saeil: TestSaeil;
  let analyst: Api;
  let supervisor: Api;
  const traces: PersonTraces = { clientIds: [], values: [] };

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'dashboard-embedded', kafka: false });
    analyst = await api(saeil, MINISTRY_ANALYST);
    supervisor = await api(saeil, supervisorOf('center-naju'));
    await recordWomenAndPlace(saeil, 6, traces);
  }, 180_000);
  afterAll(() => saeil?.dispose());

  it('shows nothing for a period nobody submitted: every center listed as not submitted', async () => {
    const res = await analyst.get('/ministry-dashboard/nation').query({ period: PERIOD }).expect(200);
    expect(res.body).toMatchObject({ period: PERIOD, source: 'none', indicators: null, centersSubmitted: 0 });
    expect(res.body.regions).toHaveLength(17);
  });

  it("a supervisor's submitted report appears in the dashboard's store and API; what it suppressed stays suppressed", async () => {
    expect(await submitWhenCounted(supervisor, 6)).toBe(1);
    await untilDashboardVersion(analyst, 1);

    const nation = await analyst.get('/ministry-dashboard/nation').query({ period: PERIOD }).expect(200);
    expect(nation.body.source).toBe('sumOfRegions');
    expect(nation.body.centersSubmitted).toBe(1);
    const jeonnam = nation.body.regions.find((r: { region: string }) => r.region === '전라남도');
    expect(jeonnam).toMatchObject({ source: 'sumOfCenters', centersSubmitted: 1 });
    expect(jeonnam.centersListed).toBeGreaterThan(1);
    expect(jeonnam.indicators.placements).toBe(6);
    expect(jeonnam.indicators.clientsRegistered).toBe(6);
    // Nobody completed training: 0 is below the threshold, so it is hidden, never shown as 0.
    expect(jeonnam.indicators.trainingCompleters).toEqual(S);
    expect(nation.body.indicators.trainingCompleters).toEqual(S);
    expect(nation.body.regions.find((r: { region: string }) => r.region === '서울특별시')).toMatchObject({
      source: 'none',
      indicators: null,
    });

    const region = await analyst
      .get(`/ministry-dashboard/regions/${encodeURIComponent('전라남도')}`)
      .query({ period: PERIOD })
      .expect(200);
    const naju = region.body.centers.find((c: { centerId: string }) => c.centerId === 'center-naju');
    expect(naju).toMatchObject({ submitted: true, version: 1, name: '나주여성새로일하기센터' });
    expect(region.body.centers.filter((c: { submitted: boolean }) => !c.submitted).length).toBeGreaterThan(0);

    const csv = await analyst
      .get('/ministry-dashboard/export')
      .query({ period: PERIOD, region: '전라남도', format: 'csv' })
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('비공개 (5명 미만)');
    expect(csv.text).toContain('나주여성새로일하기센터,제출 (1판),6,');
    const xlsx = await analyst
      .get('/ministry-dashboard/export')
      .query({ period: PERIOD, format: 'xlsx' })
      .buffer(true)
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('a correction shows as a new version, the first kept', async () => {
    await recordWomenAndPlace(saeil, 1, traces);
    expect(await submitWhenCounted(supervisor, 7)).toBe(2);
    await untilDashboardVersion(analyst, 2);
    const versions = await analyst
      .get('/ministry-dashboard/versions')
      .query({ level: 'center', id: 'center-naju', period: PERIOD })
      .expect(200);
    expect(
      versions.body.map((v: { version: number; indicators: { placements: number } }) => [
        v.version,
        v.indicators.placements,
      ]),
    ).toEqual([
      [1, 6],
      [2, 7],
    ]);
    expect(versions.body[0].contentHash).not.toBe(versions.body[1].contentHash);
    const region = await analyst
      .get(`/ministry-dashboard/regions/${encodeURIComponent('전라남도')}`)
      .query({ period: PERIOD })
      .expect(200);
    expect(region.body.centers.find((c: { centerId: string }) => c.centerId === 'center-naju')).toMatchObject({
      version: 2,
    });
    const trend = await analyst
      .get('/ministry-dashboard/trends')
      .query({ kind: 'month', level: 'center', id: 'center-naju' })
      .expect(200);
    expect(trend.body).toEqual([
      expect.objectContaining({
        period: PERIOD,
        source: 'report',
        indicators: expect.objectContaining({ placements: 7 }),
      }),
    ]);
  });

  it("is the Ministry analyst's only; bad input is a 400 naming the field; /ministry/ opens the dashboard screen", async () => {
    await supervisor.get('/ministry-dashboard/nation').query({ period: PERIOD }).expect(403);
    const bad = await analyst.get('/ministry-dashboard/nation').query({ period: '2026-13' }).expect(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['period']);
    await analyst
      .get(`/ministry-dashboard/regions/${encodeURIComponent('화성')}`)
      .query({ period: PERIOD })
      .expect(404);
    const entry = await request(saeil.url).get('/ministry/').expect(302);
    expect(entry.headers.location).toBe('/app/ministry');
  });

  it('holds no person after the run: no client id, name, phone, birth date or account in any table of its schema', async () => {
    expect(traces.clientIds).toHaveLength(7);
    await expectNoPerson(saeil, traces);
  });
});

describeKafka('Ministry dashboard, Kafka mode: its own process, fed by saeil.ministry.stats.v1', () => {
  let caseSystem: TestSaeil;
  let dashboard: TestSaeil;
  const traces: PersonTraces = { clientIds: [], values: [] };

  beforeAll(async () => {
    caseSystem = await startTestSaeil({ label: 'dashboard-kafka', kafka: true, modules: CASE_SYSTEM_MODULES });
    dashboard = await startTestSaeil({
      label: 'dashboard-kafka',
      kafka: true,
      db: caseSystem.db,
      topicPrefix: caseSystem.config.KAFKA_TOPIC_PREFIX,
      modules: MINISTRY_DASHBOARD_MODULES,
    });
    await recordWomenAndPlace(caseSystem, 6, traces);
  }, 180_000);
  afterAll(async () => {
    await dashboard?.dispose();
    await caseSystem?.dispose();
  });

  it('the dashboard process serves no case route and relays nothing; the case system serves no dashboard', async () => {
    const analyst = await api(dashboard, MINISTRY_ANALYST);
    await analyst.get('/clients').expect(404);
    expect(dashboard.runtime.worker.relay).toBeUndefined();
    expect(dashboard.runtime.worker.runners.map((r) => r.projection.name)).toEqual(['ministry-dashboard']);
    await (await api(caseSystem, MINISTRY_ANALYST)).get('/ministry-dashboard/periods').expect(404);
  });

  it('a submitted report reaches the separate dashboard through the topic; a correction is a new version', async () => {
    const supervisor = await api(caseSystem, supervisorOf('center-naju'));
    const analyst = await api(dashboard, MINISTRY_ANALYST);
    expect(await submitWhenCounted(supervisor, 6)).toBe(1);
    await untilDashboardVersion(analyst, 1);
    await recordWomenAndPlace(caseSystem, 1, traces);
    expect(await submitWhenCounted(supervisor, 7)).toBe(2);
    await untilDashboardVersion(analyst, 2);
    const versions = await analyst
      .get('/ministry-dashboard/versions')
      .query({ level: 'center', id: 'center-naju', period: PERIOD })
      .expect(200);
    expect(versions.body.map((v: { indicators: { placements: number } }) => v.indicators.placements)).toEqual([6, 7]);
  });

  it('reads the topic, not the case system: a message put on saeil.ministry.stats.v1 alone shows on the dashboard', async () => {
    const analyst = await api(dashboard, MINISTRY_ANALYST);
    const [first] = (
      await analyst
        .get('/ministry-dashboard/versions')
        .query({ level: 'center', id: 'center-naju', period: PERIOD })
        .expect(200)
    ).body;
    const stored = await dashboard.runtime.dataSource.query<{ figures: Record<string, unknown> }[]>(
      `SELECT figures FROM ministry_dashboard.report_versions WHERE version = 1`,
    );
    const figures = {
      ...stored[0].figures,
      scopeId: 'center-jinju',
      period: { key: '2026-02', kind: 'month', from: '2026-02-01', to: '2026-02-28' },
    };
    const topic = ministryStatsTopic(caseSystem.config.KAFKA_TOPIC_PREFIX);
    await caseSystem.runtime.bus!.publish([
      {
        topic,
        key: 'center:center-jinju:2026-02',
        value: JSON.stringify({
          reportId: 'ministry-report-center-center-jinju-2026-02',
          level: 'center',
          scopeId: 'center-jinju',
          period: '2026-02',
          version: 1,
          asOfPosition: first.asOfPosition,
          figures,
          contentHash: 'ab'.repeat(32),
          submittedOn: '2026-03-02',
        }),
        headers: {
          'event-id': '7c1e0f4a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
          'global-position': '999999',
          'stream-version': '1',
        },
      },
    ]);
    await waitFor(
      async () => {
        const res = await analyst.get('/ministry-dashboard/nation').query({ period: '2026-02' });
        return (
          res.status === 200 &&
          res.body.regions.find((r: { region: string }) => r.region === '경상남도')?.centersSubmitted === 1
        );
      },
      { timeoutMs: 60_000, description: 'the message on the topic to reach the dashboard' },
    );
    const [{ n }] = await caseSystem.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE stream_id = 'ministry-report-center-center-jinju-2026-02'`,
    );
    expect(n).toBe(0);
  });

  it('holds no person after the run', async () => {
    await expectNoPerson(dashboard, traces);
  });
});

describe('Ministry dashboard at national scale: 160 centers × 24 months of submitted reports', () => {
  let saeil: TestSaeil;
  let analyst: Api;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'dashboard-scale', kafka: false, worker: false });
    analyst = await api(saeil, MINISTRY_ANALYST);
    // Rows as the feed writes them (figures of a real report shape, indicators beside them), 3,840 in all.
    const { buildMinistryReport } = await import('../../libs/reports/src/report/build-ministry-report');
    const { sources } = await import('@saeil/testing/report-fixtures');
    const { indicatorsOf } = await import('@saeil/ministry-dashboard');
    const figures = buildMinistryReport(
      { level: 'center', scopeId: 'center-naju' },
      { key: '2026-03', kind: 'month', from: '2026-03-01', to: '2026-03-31' },
      sources(),
      5,
    );
    const indicators = JSON.stringify(indicatorsOf(figures));
    const body = JSON.stringify(figures);
    const months = Array.from(
      { length: 24 },
      (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    );
    await saeil.runtime.dataSource.query(
      `INSERT INTO ministry_dashboard.report_versions (report_id, level, scope_id, period, period_kind, version, as_of_position, content_hash, submitted_on, figures, indicators, feed_position)
       SELECT 'ministry-report-center-' || c || '-' || m, 'center', c, m, 'month', 1, 1, repeat('ab', 32), '2027-01-05', $1::jsonb, $2::jsonb, 1
         FROM unnest($3::text[]) AS c, unnest($4::text[]) AS m`,
      [
        body,
        indicators,
        Array.from({ length: 160 }, (_, i) => `bench-center-${String(i + 1).padStart(3, '0')}`),
        months,
      ],
    );
  }, 120_000);
  afterAll(() => saeil?.dispose());

  it('answers the national picture and its monthly trend over every submitted report (the times are printed)', async () => {
    const [{ n }] = await saeil.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM ministry_dashboard.report_versions`,
    );
    expect(n).toBe(160 * 24);
    const timed = async (path: string, query: Record<string, string>) => {
      const started = performance.now();
      const res = await analyst.get(path).query(query).expect(200);
      return { ms: performance.now() - started, body: res.body };
    };
    const nation = await timed('/ministry-dashboard/nation', { period: '2026-12' });
    const trend = await timed('/ministry-dashboard/trends', { kind: 'month', level: 'nation' });
    const periods = await timed('/ministry-dashboard/periods', {});
    process.stdout.write(
      `dashboard first answers, 160 centers × 24 months: nation ${nation.ms.toFixed(0)} ms, monthly trend ${trend.ms.toFixed(0)} ms, periods ${periods.ms.toFixed(0)} ms\n`,
    );
    expect(nation.body.centersSubmitted).toBe(160);
    expect(trend.body).toHaveLength(24);
    // How fast: `npm run bench` (section 8, the first render in Chromium), never a timed assertion here.
  });
});
