import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { KOREAN_REGIONS } from '@saeil/contracts';
import { embeddedClusterDir, runningEmbeddedPostgres } from '@saeil/database';
import { indicatorsOf } from '@saeil/ministry-dashboard';
import { buildMinistryReport } from '../../libs/reports/src/report/build-ministry-report';
import { sources } from '../../tests/support/report-fixtures';
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../../tests/support/auth';
import { freePorts } from '../../tests/support/kafka-broker';
import { spawnApp } from '../../tests/support/processes';
import { coldRenders } from './web';

/**
 * The Ministry dashboard's first render at national scale (issue 16): 160 centers × 24 months of
 * submitted reports in the dashboard's store, a Ministry analyst opening /app/ministry in
 * Debian's Chromium with the browser cache disabled. Printed beside its target (< 1 s), never
 * asserted by a test.
 */
export interface DashboardRenderFigures {
  centers: number;
  months: number;
  reports: number;
  runs: number;
  /** Navigation start → the nation's heading, map, ranked table (17 시·도) shown and the main thread idle. */
  firstRenderMs: { median: number; min: number; max: number };
  /** The two reads the first screen waits on, timed from node (median of the runs). */
  apiMs: { nation: number; monthlyTrend: number };
  targetMs: number;
  chromium: string;
}

const CENTERS = 160;
const MONTHS = 24;
const LAST_PERIOD = '2026-12';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** 160 centers spread over the 17 시·도, as the dashboard's centers directory. */
function writeCentersFile(dir: string): { file: string; ids: string[] } {
  const ids = Array.from({ length: CENTERS }, (_, i) => `bench-center-${String(i + 1).padStart(3, '0')}`);
  const centers = Object.fromEntries(
    ids.map((id, i) => [
      id,
      { name: `벤치여성새로일하기센터 ${i + 1}`, level: 'basic', region: KOREAN_REGIONS[i % KOREAN_REGIONS.length] },
    ]),
  );
  const file = path.join(dir, 'centers.json');
  writeFileSync(file, JSON.stringify({ centers }));
  return { file, ids };
}

/**
 * The rows the dashboard's feed writes for 3,840 submitted reports (a real report's figures,
 * built by the report builder from the reports' fixture sources), put straight into its store:
 * the feed itself is proven by tests, this measures reading them.
 */
async function fillDashboard(databaseUrl: string, centerIds: string[]): Promise<number> {
  const figures = buildMinistryReport(
    { level: 'center', scopeId: centerIds[0] },
    { key: '2026-03', kind: 'month', from: '2026-03-01', to: '2026-03-31' },
    sources(),
    5,
  );
  const months = Array.from(
    { length: MONTHS },
    (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
  );
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO ministry_dashboard.report_versions (report_id, level, scope_id, period, period_kind, version, as_of_position, content_hash, submitted_on, figures, indicators, feed_position)
       SELECT 'ministry-report-center-' || c || '-' || m, 'center', c, m, 'month', 1, 1, repeat('ab', 32), '2027-01-05', $1::jsonb, $2::jsonb, 1
         FROM unnest($3::text[]) AS c, unnest($4::text[]) AS m`,
      [JSON.stringify(figures), JSON.stringify(indicatorsOf(figures)), centerIds, months],
    );
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ministry_dashboard.report_versions`);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

export async function measureMinistryDashboard(
  runs = 5,
  log: (line: string) => void = () => undefined,
): Promise<DashboardRenderFigures> {
  // Chromium checked before a Saeil is started for it (coldRenders launches it).
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`no Chromium at ${executablePath} (apt-get install -y chromium fonts-noto-cjk)`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'saeil-bench-dashboard-'));
  const { file: centersFile, ids } = writeCentersFile(dataDir);
  const [pgPort] = await freePorts(1);
  const app = await spawnApp(
    'saeil',
    {
      SAEIL_DATA_DIR: dataDir,
      SAEIL_CENTERS_FILE: centersFile,
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: '0',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
    },
    120_000,
  );
  try {
    const serverUrl = runningEmbeddedPostgres(embeddedClusterDir(dataDir));
    if (!serverUrl) throw new Error('the embedded PostgreSQL of the started Saeil was not found');
    const reports = await fillDashboard(serverUrl.replace(/\/postgres$/, '/saeil'), ids);
    log(`dashboard: ${reports} submitted reports (${CENTERS} centers × ${MONTHS} months)`);

    const analyst = { username: 'bench-ministry-analyst', password: 'national-picture-timing-2026' };
    const post = async (route: string, body: object, bearer?: string) => {
      const answer = await fetch(`${app.url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify(body),
      });
      if (answer.status >= 300) throw new Error(`${route}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as Record<string, unknown>;
    };
    const admin = (await post('/auth/login', { username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD }))
      .accessToken as string;
    await post(
      '/accounts',
      { username: analyst.username, displayName: '벤치 분석관', role: 'ministry_analyst', password: analyst.password },
      admin,
    );
    const bearer = (await post('/auth/login', analyst)).accessToken as string;
    const timedGet = async (route: string) => {
      const started = performance.now();
      const answer = await fetch(`${app.url}${route}`, { headers: { authorization: `Bearer ${bearer}` } });
      if (!answer.ok) throw new Error(`${route}: ${answer.status}`);
      await answer.arrayBuffer();
      return performance.now() - started;
    };
    const nation: number[] = [];
    const trend: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      const n = await timedGet(`/ministry-dashboard/nation?period=${LAST_PERIOD}`);
      const t = await timedGet('/ministry-dashboard/trends?kind=month&level=nation');
      if (run > 0) {
        nation.push(n);
        trend.push(t);
      }
    }

    const { times, chromium: version } = await coldRenders({
      baseURL: app.url,
      account: analyst,
      loggedIn: (page) => page.getByRole('link', { name: '성과 현황' }).waitFor(),
      path: `/app/ministry?period=${LAST_PERIOD}`,
      shown: async (page) => {
        await page.getByRole('heading', { name: '성과 현황 — 전국', level: 1 }).waitFor();
        await page.locator('canvas').first().waitFor();
        await page.locator('.ant-table-tbody tr', { hasText: '전라남도' }).first().waitFor();
        await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
      },
      runs,
    });
    {
      const sorted = [...times].sort((a, b) => a - b);
      return {
        centers: CENTERS,
        months: MONTHS,
        reports,
        runs,
        firstRenderMs: { median: median(times), min: sorted[0], max: sorted[sorted.length - 1] },
        apiMs: { nation: Math.round(median(nation)), monthlyTrend: Math.round(median(trend)) },
        targetMs: 1000,
        chromium: version,
      };
    }
  } finally {
    await app.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function renderMinistryDashboard(figures: DashboardRenderFigures | { notMeasured: string }): string[] {
  const lines = [
    `**8. Ministry dashboard: first render of the national picture (target < ${'targetMs' in figures ? figures.targetMs : 1000} ms)**`,
    '',
  ];
  if ('notMeasured' in figures) {
    lines.push(`Not measured: ${figures.notMeasured}`, '');
    return lines;
  }
  const t = figures.firstRenderMs;
  lines.push(
    `${figures.reports.toLocaleString('en-US')} submitted reports (${figures.centers} centers × ${figures.months} months), a Ministry analyst, browser cache disabled, Chromium ${figures.chromium}: ` +
      `/app/ministry from navigation to the map, the ranked table and an idle main thread, median ${t.median} ms (min ${t.min}, max ${t.max}; ${figures.runs} runs after a warm-up). ` +
      `Its reads from node: the nation ${figures.apiMs.nation} ms, the monthly trend ${figures.apiMs.monthlyTrend} ms (medians).`,
    '',
  );
  return lines;
}
