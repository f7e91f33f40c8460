import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../../tests/support/auth';
import { freePorts } from '../../tests/support/kafka-broker';
import { spawnApp } from '../../tests/support/processes';

/**
 * The web app's speed (issue 14): what a counselor's browser downloads before the login and the
 * home screens can show, and how long the home screen takes to be usable with 200 cases.
 * Printed by `npm run bench` beside the targets (≤ 300 KB gzip initial JavaScript, < 1.5 s), not
 * asserted by any test.
 */
export interface WebFigures {
  /** Initial JavaScript per screen: the entry chunk and everything it imports statically, plus the screen's lazy route chunks and theirs. */
  initialJs: { screen: string; files: number; bytes: number; gzipBytes: number }[];
  targetGzipKB: number;
  home?: HomeInteractive;
  notMeasured?: string;
}

export interface HomeInteractive {
  cases: number;
  runs: number;
  /** Navigation start → the work queue's cards hold their data and the main thread is idle; browser cache disabled. */
  timeToInteractiveMs: { median: number; min: number; max: number };
  targetMs: number;
  chromium: string;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The lazy route modules each measured screen loads on its first paint (apps/web/src/app/router.tsx). */
export const SCREEN_ROUTES: Record<string, string[]> = {
  '로그인 (login)': ['src/features/auth/LoginPage.tsx'],
  '오늘 할 일 (home)': ['src/app/Shell.tsx', 'src/features/work-queue/HomePage.tsx'],
};

/** Sizes from the built app (dist/web) and its Vite manifest: what the browser fetches for each screen before it can render. */
export function measureInitialJs(
  distDir: string,
): { screen: string; files: number; bytes: number; gzipBytes: number }[] {
  const manifestFile = path.join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`no ${manifestFile}: build the web app first (npm run build)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  if (!entry) throw new Error('the manifest names no entry chunk');
  const closure = (keys: string[], seen = new Set<string>()): Set<string> => {
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      closure(manifest[key]?.imports ?? [], seen);
    }
    return seen;
  };
  return Object.entries(SCREEN_ROUTES).map(([screen, routes]) => {
    for (const route of routes)
      if (!manifest[route]) throw new Error(`${route} is not a chunk of its own in the manifest (is its route lazy?)`);
    const files = [...closure([entry[0], ...routes])]
      .map((key) => manifest[key].file)
      .filter((file) => file.endsWith('.js'));
    const contents = files.map((file) => readFileSync(path.join(distDir, file)));
    return {
      screen,
      files: files.length,
      bytes: contents.reduce((sum, c) => sum + c.length, 0),
      gzipBytes: contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0),
    };
  });
}

/**
 * A real Saeil (the compiled `npm start` entry, its own embedded PostgreSQL), a counselor with
 * `cases` cases (registered with consent through HTTP; a tenth with a plan whose next action is
 * due this week; a tenth placed a month ago, so their 1-month follow-ups are due), and Debian's
 * Chromium opening her home screen with the browser cache disabled.
 */
export async function measureHomeInteractive(
  root: string,
  cases = 200,
  runs = 5,
  log: (line: string) => void = () => undefined,
): Promise<HomeInteractive> {
  // Chromium checked before a Saeil is started for it (coldRenders launches it).
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`no Chromium at ${executablePath} (apt-get install -y chromium fonts-noto-cjk)`);
  if (!existsSync(path.join(root, 'dist', 'web', 'index.html')))
    throw new Error('no built web app in dist/web: run npm run build first');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'saeil-bench-web-'));
  const [pgPort] = await freePorts(1);
  const app = await spawnApp(
    'saeil',
    {
      SAEIL_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: '0',
      RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000',
    },
    120_000,
  );
  try {
    const counselor = { username: 'bench-web-counselor', password: 'naju-home-screen-timing-2026' };
    await seedCaseload(app.url, counselor, cases, log);
    const { times, chromium: version } = await coldRenders({
      baseURL: app.url,
      account: counselor,
      loggedIn: (page) => page.getByRole('heading', { name: /오늘 할 일/ }).waitFor(),
      path: '/app/',
      shown: async (page) => {
        await page.getByRole('heading', { name: /오늘 할 일/ }).waitFor();
        await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
      },
      runs,
    });
    {
      times.sort((a, b) => a - b);
      return {
        cases,
        runs,
        timeToInteractiveMs: {
          median: times[Math.floor(times.length / 2)],
          min: times[0],
          max: times[times.length - 1],
        },
        targetMs: 1500,
        chromium: version,
      };
    }
  } finally {
    await app.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `runs` cold first renders of one screen (and a warm-up before them, not counted, which warms
 * the server's caches and JIT): each in a fresh browser context, logged in through the login
 * screen, then with the HTTP cache disabled (her session comes back from the refresh cookie, as
 * after a reload) from navigation to `path` until `shown` holds and the main thread is idle.
 */
export async function coldRenders(options: {
  baseURL: string;
  account: { username: string; password: string };
  loggedIn: (page: Page) => Promise<unknown>;
  path: string;
  shown: (page: Page) => Promise<unknown>;
  runs: number;
}): Promise<{ times: number[]; chromium: string }> {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`no Chromium at ${executablePath} (apt-get install -y chromium fonts-noto-cjk)`);
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  try {
    const times: number[] = [];
    for (let run = 0; run < options.runs + 1; run++) {
      const context = await browser.newContext({
        locale: 'ko-KR',
        timezoneId: 'Asia/Seoul',
        viewport: { width: 1280, height: 860 },
        baseURL: options.baseURL,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto('/app/login');
      await page.getByLabel('사용자 이름').fill(options.account.username);
      await page.getByLabel('비밀번호').fill(options.account.password);
      await page.getByRole('button', { name: '로그인' }).click();
      await options.loggedIn(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(options.path);
      await options.shown(page);
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            // The first idle moment after the data is shown: she can click.
            (globalThis as unknown as { requestIdleCallback(cb: () => void, o: object): void }).requestIdleCallback(
              () => resolve(performance.now()),
              { timeout: 5000 },
            ),
          ),
      );
      await context.close();
      if (run > 0) times.push(Math.round(ms));
    }
    return { times, chromium: browser.version() };
  } finally {
    await browser.close();
  }
}

async function seedCaseload(
  url: string,
  counselor: { username: string; password: string },
  cases: number,
  log: (line: string) => void,
): Promise<void> {
  const token = async (username: string, password: string) => {
    const answer = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!answer.ok) throw new Error(`login ${username}: ${answer.status}`);
    return ((await answer.json()) as { accessToken: string }).accessToken;
  };
  const send = async (bearer: string, route: string, body: object) => {
    const answer = await fetch(`${url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify(body),
    });
    if (answer.status >= 300) throw new Error(`${route}: ${answer.status} ${await answer.text()}`);
    return answer.json() as Promise<Record<string, unknown>>;
  };
  const admin = await token(TEST_ADMIN_USERNAME, TEST_ADMIN_PASSWORD);
  await send(admin, '/accounts', {
    username: counselor.username,
    displayName: '벤치 상담사',
    role: 'counselor',
    centerId: 'center-naju',
    password: counselor.password,
  });
  const bearer = await token(counselor.username, counselor.password);
  // counselorId names her account (GET /auth/me), not her username: the API refuses a name it has no counselor account for.
  const me = await fetch(`${url}/auth/me`, { headers: { authorization: `Bearer ${bearer}` } });
  if (!me.ok) throw new Error(`/auth/me: ${me.status}`);
  const { accountId } = (await me.json()) as { accountId: string };
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
  const started = Date.now();
  for (let i = 0; i < cases; i++) {
    const { clientId } = (await send(bearer, '/clients', {
      name: `벤치구직자${i}`,
      birthDate: `19${70 + (i % 30)}-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`,
      phone: `010-5${String(i).padStart(3, '0')}-${String(1000 + i).slice(-4)}`,
      centerId: 'center-naju',
      counselorId: accountId,
      region: '전라남도',
      registeredOn: day(-60),
    })) as { clientId: string };
    await send(bearer, `/clients/${clientId}/consents`, { purpose: 'service', version: '2026-01', givenOn: day(-60) });
    if (i % 10 === 1) {
      await send(bearer, `/clients/${clientId}/employment-plan`, {
        goals: ['사무직 취업'],
        desiredOccupation: '사무원',
        plannedServices: ['counseling'],
        nextAction: { description: '이력서 제출', dueOn: day(3) },
        setOn: day(-30),
      });
    }
    if (i % 10 === 2) {
      await send(bearer, `/clients/${clientId}/consents`, {
        purpose: 'employer_sharing',
        version: '2026-01',
        givenOn: day(-60),
      });
      await send(bearer, `/clients/${clientId}/placements`, {
        employerName: '(주)나주식품',
        jobTitle: '품질관리 사무원',
        occupation: '0231',
        employmentType: 'regular',
        weeklyHours: 40,
        monthlyWage: 2_350_000,
        startOn: day(-31),
        channel: 'center',
        employmentInsurance: true,
      });
    }
  }
  log(`web: ${cases} cases for ${counselor.username} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** The web section of the bench: sizes always; the home screen's time when Chromium is here. */
export async function measureWeb(root: string, log: (line: string) => void): Promise<WebFigures> {
  const initialJs = measureInitialJs(path.join(root, 'dist', 'web'));
  for (const s of initialJs)
    log(`web: ${s.screen} initial JS ${(s.gzipBytes / 1024).toFixed(1)} KB gzip (${s.files} files)`);
  try {
    const home = await measureHomeInteractive(root, 200, 5, log);
    log(`web: home time to interactive, median ${home.timeToInteractiveMs.median} ms`);
    return { initialJs, targetGzipKB: 300, home };
  } catch (error) {
    return { initialJs, targetGzipKB: 300, notMeasured: (error as Error).message };
  }
}

export function renderWeb(web: WebFigures): string[] {
  const lines: string[] = [];
  const row = (...cells: (string | number)[]) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(
    `**7. Web app: initial JavaScript (target ≤ ${web.targetGzipKB} KB gzip) and the home screen's time to interactive (target < 1.5 s)**`,
  );
  lines.push('');
  row('screen', 'JS files', 'KB', 'KB gzip');
  row('---', '---:', '---:', '---:');
  for (const s of web.initialJs) row(s.screen, s.files, (s.bytes / 1024).toFixed(1), (s.gzipBytes / 1024).toFixed(1));
  lines.push('');
  if (web.home) {
    const t = web.home.timeToInteractiveMs;
    lines.push(
      `오늘 할 일 with ${web.home.cases} cases, browser cache disabled, Chromium ${web.home.chromium}: time to interactive median ${t.median} ms (min ${t.min}, max ${t.max}; ${web.home.runs} runs after a warm-up).`,
    );
  } else lines.push(`Home screen time to interactive not measured: ${web.notMeasured}`);
  lines.push('');
  return lines;
}
