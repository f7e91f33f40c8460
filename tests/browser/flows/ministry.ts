/** The Ministry dashboard: fed only by submitted reports; nation → 시·도 → center, the map beside the ranked table. */
import {
  ANALYST,
  accessible,
  check,
  logIn,
  newPage,
  SCREENSHOTS,
  shoot,
  type Flow,
  type World,
  accountIdOf,
} from '../support';

const PERIOD = '2026-11';

async function tokenOf(world: World, username: string, password: string): Promise<string> {
  const login = await fetch(`${world.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** The demo center's supervisor submits the month (her own report screen is another flow's). */
async function submitAsSupervisor(world: World): Promise<number> {
  const supervisor = world.seed.accounts.find((a) => a.role === 'supervisor')!;
  const token = await tokenOf(world, supervisor.username, supervisor.password!);
  const res = await fetch(`${world.url}/ministry-reports/center/${PERIOD}/submissions?id=${world.seed.centerId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });
  const body = (await res.json()) as { version: number; error?: { code: string; details?: { version: number } } };
  // The supervisor's own flow may have submitted this month already: the same figures are that version.
  if (res.status === 422 && body.error?.code === 'REPORT_UNCHANGED') return body.error.details!.version;
  check(res.status === 201, `the supervisor's submission: ${res.status} ${JSON.stringify(body)}`);
  return body.version;
}

/**
 * A correction: a counselor records a woman registered in the month, the statistics count her, and
 * the supervisor submits the month again — version 2, the first kept.
 */
async function correctAsSupervisor(world: World): Promise<number> {
  const counselor = world.seed.accounts.find((a) => a.role === 'counselor')!;
  const supervisor = world.seed.accounts.find((a) => a.role === 'supervisor')!;
  const counselorToken = await tokenOf(world, counselor.username, counselor.password!);
  const supervisorToken = await tokenOf(world, supervisor.username, supervisor.password!);
  const preview = async () => {
    const res = await fetch(`${world.url}/ministry-reports/center/${PERIOD}?id=${world.seed.centerId}`, {
      headers: { authorization: `Bearer ${supervisorToken}` },
    });
    return JSON.stringify(((await res.json()) as { employment?: unknown }).employment);
  };
  const before = await preview();
  const registered = await fetch(`${world.url}/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${counselorToken}` },
    body: JSON.stringify({
      name: '정정희',
      birthDate: '1984-05-17',
      phone: '010-0000-9911',
      centerId: world.seed.centerId,
      counselorId: await accountIdOf(world, { username: counselor.username, password: counselor.password! }),
      region: world.seed.region ?? '전라남도',
      registeredOn: `${PERIOD}-20`,
    }),
  });
  check(registered.status === 201, `registering a woman in ${PERIOD}: ${registered.status} ${await registered.text()}`);
  for (let i = 0; i < 100 && (await preview()) === before; i++) await new Promise((r) => setTimeout(r, 200));
  const res = await fetch(`${world.url}/ministry-reports/center/${PERIOD}/submissions?id=${world.seed.centerId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisorToken}` },
    body: '{}',
  });
  const body = (await res.json()) as { version: number };
  check(res.status === 201, `the correction: ${res.status} ${JSON.stringify(body)}`);
  return body.version;
}

async function dashboardHasVersion(world: World, version: number): Promise<void> {
  const token = await tokenOf(world, ANALYST.username, ANALYST.password);
  for (let i = 0; i < 100; i++) {
    const res = await fetch(
      `${world.url}/ministry-dashboard/versions?level=center&id=${world.seed.centerId}&period=${PERIOD}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (res.ok && ((await res.json()) as unknown[]).length >= version) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the dashboard never held version ${version}`);
}

export const ministryFlows: Flow[] = [
  {
    name: "the supervisor's submitted report appears on the Ministry dashboard at /ministry/: map and ranked table, drill to the 시·도 and the center, versions; a correction shows as a new version",
    run: async (world) => {
      const version = await submitAsSupervisor(world);
      await dashboardHasVersion(world, version);
      /** The version the center shows: the first, then the correction once it is made. */
      let latest = version;
      for (const viewport of SCREENSHOTS ? (['desktop', 'tablet'] as const) : (['desktop'] as const)) {
        const { context, page } = await newPage(world, viewport);
        try {
          await page.goto('/');
          await page.waitForURL(/\/app\/login/);
          await logIn(page, ANALYST.username, ANALYST.password);
          await page.getByRole('link', { name: '성과 현황' }).waitFor();
          // The address the Ministry is given: /ministry/ opens the dashboard in the same app and session.
          await page.goto('/ministry/');
          await page.waitForURL(/\/app\/ministry/);
          await page.getByRole('heading', { name: '성과 현황 — 전국', level: 1 }).waitFor();
          await page.getByRole('heading', { name: '시·도 순위' }).waitFor();
          // The map is drawn (ECharts loaded with this screen only) with its attribution under it.
          await page.locator('canvas').first().waitFor();
          await page.getByText('경계: 통계청 SGIS (2018), 공공누리 제1유형').waitFor();
          const jeonnam = page.locator('.ant-table-tbody tr', { hasText: '전라남도' }).first();
          await jeonnam.waitFor();
          check(
            /1 \/ \d+/.test(await jeonnam.innerText()),
            `전라남도 shows one center submitted: ${await jeonnam.innerText()}`,
          );
          check(
            await page
              .locator('.ant-table-tbody tr', { hasText: '서울특별시' })
              .first()
              .innerText()
              .then((t) => t.includes('미제출')),
            '서울 has submitted nothing',
          );
          await page
            .locator('.ant-skeleton')
            .first()
            .waitFor({ state: 'detached' })
            .catch(() => undefined);
          await accessible(page, '성과 현황 (전국)');
          await shoot(page, 'ministry-nation');

          await jeonnam.getByRole('link', { name: '전라남도' }).click();
          await page.getByRole('heading', { name: '성과 현황 — 전라남도', level: 1 }).waitFor();
          const naju = page.locator('.ant-table-tbody tr', { hasText: '나주여성새로일하기센터' }).first();
          await naju.waitFor();
          check(
            (await naju.innerText()).includes(`제출 (${latest}판)`),
            `나주 shows its submitted version: ${await naju.innerText()}`,
          );
          await page.getByText(/보고서를 아직 내지 않은 센터/).waitFor();
          await accessible(page, '성과 현황 (시·도)');
          await shoot(page, 'ministry-region');

          await naju.getByRole('button', { name: '나주여성새로일하기센터' }).click();
          await page.getByRole('heading', { name: '성과 현황 — 나주여성새로일하기센터', level: 1 }).waitFor();
          await page
            .locator('.ant-table-tbody tr', { hasText: `${latest}판` })
            .first()
            .waitFor();
          await accessible(page, '성과 현황 (센터)');
          await shoot(page, 'ministry-center');
          // The URL holds the drill-down: a reload shows the same center.
          await page.reload();
          await page.getByRole('heading', { name: '성과 현황 — 나주여성새로일하기센터', level: 1 }).waitFor();
          await page
            .locator('.ant-table-tbody tr', { hasText: `${version}판` })
            .first()
            .waitFor();
          if (viewport === 'desktop') {
            // A correction shows as the next version, the first still listed.
            const corrected = await correctAsSupervisor(world);
            check(corrected === version + 1, `the correction is version ${version + 1}, not ${corrected}`);
            latest = corrected;
            await dashboardHasVersion(world, corrected);
            await page.reload();
            await page
              .locator('.ant-table-tbody tr', { hasText: `${corrected}판 (정정)` })
              .first()
              .waitFor();
            await page
              .locator('.ant-table-tbody tr', { hasText: `${version}판 (최초)` })
              .first()
              .waitFor();
            await accessible(page, '성과 현황 (센터, 정정 후)');
          }
        } finally {
          await context.close();
        }
      }
    },
  },
];
