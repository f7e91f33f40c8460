/**
 * The browser tier (issue 14): the web app in a real Chromium (Debian's, driven by playwright-core
 * through executablePath: no browser download), against a real Saeil started as `npm start`
 * starts it (the compiled entry point, its own embedded PostgreSQL on a fresh data directory),
 * with the demo center seeded over HTTP. Each flow runs in its own browser context; axe checks
 * every screen it opens (no serious or critical violation). Ends with its own
 * `browser: N passed, N failed` line and exit code.
 *
 *   npm run test:browser            the flows
 *   npm run screenshots             the flows, and docs/screenshots/*.png at 1280 and 768 px
 *
 * Without Chromium (outside CI) it says so and skips; with CI=true that is a failure. `.ci/run`
 * installs it (apt: chromium, fonts-noto-cjk).
 */
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seedDemo, type SeedDemoResult } from '../../scripts/seed-demo';
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../support/auth';
import { freePorts } from '../support/kafka-broker';
import { spawnApp, type AppProcess } from '../support/processes';

// The few browser globals the page callbacks use (they run in the page, not here); declared in
// this module only, so the DOM library does not leak into the server's type check.
declare const document: { querySelectorAll(selector: string): { length: number }; cookie: string };
declare const localStorage: { length: number };
declare const sessionStorage: { length: number };

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = process.argv.includes('--screenshots') ? path.join(ROOT, 'docs', 'screenshots') : undefined;
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const ANALYST = { username: 'ministry-analyst', password: 'sejong-analyst-2026-gaeul', displayName: '정책 분석가' };
const VIEWPORTS = { desktop: { width: 1280, height: 860 }, tablet: { width: 768, height: 1024 } } as const;

interface World {
  url: string;
  browser: Browser;
  seed: SeedDemoResult;
  counselor: { username: string; password: string };
}

type Flow = { name: string; run: (world: World) => Promise<void> };

class Failure extends Error {}
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}

async function newPage(world: World, viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport: VIEWPORTS[viewport], baseURL: world.url });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/** axe on the screen as it is now: a serious or critical violation fails the flow, naming the rule and where. */
async function accessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(bad.length === 0, `${screen}: axe ${bad.map((v) => `${v.impact} ${v.id} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`).join(', ')}`);
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  await page.waitForLoadState('networkidle');
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('사용자 이름').fill(username);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
}

/** The API's own answer, to compare the screen with (as the same counselor). */
async function apiAs(world: World, username: string, password: string, route: string): Promise<any> {
  const login = await fetch(`${world.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const answer = await fetch(`${world.url}${route}`, { headers: { authorization: `Bearer ${accessToken}` } });
  check(answer.ok, `${route}: ${answer.status}`);
  return answer.json();
}

const flows: Flow[] = [
  {
    name: 'a counselor logs in, sees her work queue, opens her caseload, searches by a whole name, opens the case and sees its timeline',
    run: async (world) => {
      for (const viewport of SCREENSHOTS ? (['desktop', 'tablet'] as const) : (['desktop'] as const)) {
        const { context, page } = await newPage(world, viewport);
        try {
          await page.goto('/');
          await page.waitForURL(/\/app\/login/);
          await page.getByRole('heading', { name: '새일 상담 업무 로그인' }).waitFor();
          await accessible(page, '로그인');
          await shoot(page, 'login');

          await logIn(page, world.counselor.username, world.counselor.password);
          await page.getByRole('heading', { name: /오늘 할 일/ }).waitFor();
          check(new URL(page.url()).pathname === '/app/', `home is /app/, not ${page.url()}`);
          await page.getByText('김하늘 (데모 상담사)').waitFor();
          // The follow-up card says what the API's queue holds: overdue first, in red.
          const queue = await apiAs(world, world.counselor.username, world.counselor.password, `/follow-ups/queue?counselorId=${world.counselor.username}`);
          const owed = queue.overdue.length + queue.dueThisWeek.length + queue.upcoming.length;
          await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
          const followUpLinks = page.locator('section[aria-label^="사후관리"] a');
          await page.waitForFunction((n) => document.querySelectorAll('section[aria-label^="사후관리"] a').length === n || n === 0, owed);
          check((await followUpLinks.count()) === owed, `follow-ups shown ${await followUpLinks.count()}, API has ${owed}`);
          if (queue.overdue.length > 0) {
            check((await page.locator('section').first().getAttribute('aria-label')) === '사후관리 기한 지남', 'overdue follow-ups come first');
          } else if (owed === 0) await page.getByText('연락할 사후관리가 없습니다.').waitFor();
          await accessible(page, '오늘 할 일');
          await shoot(page, 'home');

          await page.getByRole('link', { name: '내 사례' }).click();
          await page.getByRole('heading', { name: '내 사례' }).waitFor();
          const mine = world.seed.cases.filter((c) => c.counselor === world.counselor.username);
          check(mine.length >= 2, 'the seed gives her at least two cases');
          const rows = page.locator('.ant-table-tbody tr.ant-table-row');
          await page.waitForFunction((n) => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === n, mine.length);
          await accessible(page, '내 사례');
          await shoot(page, 'caseload');

          // Her whole name, typed as keystrokes and Enter: one row, the search kept in the URL as a chip.
          const target = mine[mine.length - 1];
          const box = page.getByLabel('이름 또는 전화번호로 찾기');
          await box.click();
          await box.pressSequentially(target.name);
          await box.press('Enter');
          await page.waitForURL((u) => u.searchParams.get('q') === target.name);
          await page.getByText(`검색: ${target.name}`).waitFor();
          await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === 1);
          check((await rows.first().innerText()).includes(target.name), `the one row is ${target.name}`);
          // The link reproduces the view.
          await page.reload();
          await page.getByText(`검색: ${target.name}`).waitFor();
          await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === 1);

          await rows.first().getByRole('link', { name: target.name }).click();
          await page.waitForURL(new RegExp(`/app/cases/${target.clientId}$`));
          await page.getByRole('heading', { name: target.name, level: 1 }).waitFor();
          await page.getByText('나주여성새로일하기센터').first().waitFor();
          for (const stage of ['접수', '상담', '훈련', '인턴', '취업', '종결']) await page.locator('.ant-steps').getByText(stage, { exact: true }).waitFor();
          const timeline = await apiAs(world, world.counselor.username, world.counselor.password, `/cases/${target.clientId}/timeline?pageSize=100`);
          const entries = page.locator('.ant-timeline-item');
          await page.waitForFunction((n) => document.querySelectorAll('.ant-timeline-item').length === n, timeline.items.length);
          check((await entries.first().innerText()).includes(timeline.items[0].summary), `newest entry first: ${timeline.items[0].summary}`);
          check((await page.locator('.ant-timeline').innerText()).includes('구직등록'), 'the timeline tells her registration in Korean');
          await accessible(page, '사례');
          await shoot(page, 'case');
        } finally {
          await context.close();
        }
      }
    },
  },
  {
    name: 'an absent or ended session goes to login, and after login back to where she was',
    run: async (world) => {
      const { context, page } = await newPage(world);
      try {
        // No session at all: a deep link with filters.
        await page.goto('/app/cases?status=counseling&sort=nextActionDue');
        await page.waitForURL(/\/app\/login\?redirect=/);
        await page.getByText('다시 로그인하면 보던 화면으로 돌아갑니다.').waitFor();
        await logIn(page, world.counselor.username, world.counselor.password);
        await page.waitForURL((u) => u.pathname === '/app/cases' && u.searchParams.get('status') === 'counseling' && u.searchParams.get('sort') === 'nextActionDue');
        await page.getByText('상태: 상담').waitFor();

        // Nothing of the session in browser storage: the access token is in memory, the refresh token an httpOnly cookie.
        const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
        check(stored.local === 0 && stored.session === 0 && stored.cookie === '', `browser storage holds ${JSON.stringify(stored)}`);
        const cookies = await context.cookies();
        const refresh = cookies.find((c) => c.name === 'saeil_refresh');
        check(refresh?.httpOnly === true && refresh.sameSite === 'Strict' && refresh.path === '/auth', `refresh cookie ${JSON.stringify(refresh)}`);

        // A reload keeps her signed in (the cookie is traded for a new access token).
        await page.reload();
        await page.getByText('상태: 상담').waitFor();
        check(!page.url().includes('/login'), 'a reload keeps the session');

        // Her login is ended elsewhere (refresh family revoked): the next start of the app sends her to login, then back.
        await page.goto('/app/cases?status=employed');
        await page.getByText('상태: 취업').waitFor();
        await page.evaluate(() => fetch('/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cookie: true }) }));
        await page.reload();
        await page.waitForURL(/\/app\/login\?redirect=/);
        await logIn(page, world.counselor.username, world.counselor.password);
        await page.waitForURL((u) => u.pathname === '/app/cases' && u.searchParams.get('status') === 'employed');

        // 로그아웃: back to login; the cookie is gone.
        await page.getByRole('button', { name: '로그아웃' }).click();
        await page.waitForURL(/\/app\/login/);
        check(!(await context.cookies()).some((c) => c.name === 'saeil_refresh' && c.value !== ''), 'logout clears the refresh cookie');
        // A wrong password shows the API's Korean reason.
        await logIn(page, world.counselor.username, 'not-her-password-2026');
        await page.getByRole('alert').getByText('사용자 이름 또는 비밀번호가 올바르지 않습니다.').waitFor();
        await accessible(page, '로그인 (오류)');
      } finally {
        await context.close();
      }
    },
  },
  {
    name: 'a Ministry analyst opening a case URL is refused',
    run: async (world) => {
      for (const viewport of SCREENSHOTS ? (['desktop', 'tablet'] as const) : (['desktop'] as const)) {
        const { context, page } = await newPage(world, viewport);
        try {
          const someCase = world.seed.cases[0];
          await page.goto(`/app/cases/${someCase.clientId}`);
          await page.waitForURL(/\/app\/login/);
          await logIn(page, ANALYST.username, ANALYST.password);
          await page.waitForURL(new RegExp(`/app/cases/${someCase.clientId}$`));
          await page.getByText('이 사례를 볼 권한이 없습니다').waitFor();
          const body = await page.locator('main').innerText();
          check(!body.includes(someCase.name), 'nothing of her is shown to the analyst');
          await accessible(page, '사례 (권한 없음)');
          await shoot(page, 'case-refused');
        } finally {
          await context.close();
        }
      }
    },
  },
];

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    const message = `browser tier: no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk; .ci/run installs it)`;
    if (process.env.CI === 'true') {
      console.error(message);
      console.log('browser: 0 passed, 1 failed');
      return 1;
    }
    console.log(`${message}: skipped`);
    console.log('browser: 0 passed, 0 failed, skipped');
    return 0;
  }
  if (!existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('no built web app in dist/web: run npm run build first');
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });

  const dataDir = mkdtempSync(path.join(tmpdir(), 'saeil-browser-'));
  const [pgPort] = await freePorts(1);
  let app: AppProcess | undefined;
  let browser: Browser | undefined;
  let passed = 0;
  let failed = 0;
  try {
    app = await spawnApp('saeil', { SAEIL_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: '0' }, 120_000);
    const quiet = { info: () => undefined, error: (line: string) => console.error(line) };
    const seed = await seedDemo({ url: app.url, adminUser: TEST_ADMIN_USERNAME, adminPassword: TEST_ADMIN_PASSWORD, centerId: 'center-naju' }, quiet);
    const counselor = seed.accounts.find((a) => a.role === 'counselor')!;
    await createAnalyst(app.url);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
    const world: World = { url: app.url, browser, seed, counselor: { username: counselor.username, password: counselor.password! } };
    for (const flow of flows.filter((f) => !ONLY || f.name.includes(ONLY))) {
      const started = Date.now();
      try {
        await flow.run(world);
        passed += 1;
        console.log(`  ✓ ${flow.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`  ✗ ${flow.name} (${Date.now() - started} ms)\n      ${(error as Error).message.split('\n').join('\n      ')}`);
      }
    }
  } catch (error) {
    failed += 1;
    console.log(`  ✗ the browser tier could not start: ${(error as Error).stack}`);
    if (app) console.log(app.output().slice(-3000));
  } finally {
    await browser?.close().catch(() => undefined);
    await app?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

async function createAnalyst(url: string): Promise<void> {
  const login = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await fetch(`${url}/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ username: ANALYST.username, displayName: ANALYST.displayName, role: 'ministry_analyst', password: ANALYST.password }),
  });
  if (created.status !== 201) throw new Error(`analyst account: ${created.status} ${await created.text()}`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log('browser: 0 passed, 1 failed');
    process.exit(1);
  },
);
