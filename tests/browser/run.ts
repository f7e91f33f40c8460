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
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { seedDemo } from '../../scripts/seed-demo';
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../support/auth';
import { freePorts } from '../support/kafka-broker';
import { spawnApp, type AppProcess } from '../support/processes';
import { flows } from './flows';
import { ANALYST, CHROMIUM, ONLY, ROOT, SCREENSHOTS, type World } from './support';

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
  if (!existsSync(path.join(ROOT, 'dist', 'web', 'index.html')))
    throw new Error('no built web app in dist/web: run npm run build first');
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
    const seed = await seedDemo(
      { url: app.url, adminUser: TEST_ADMIN_USERNAME, adminPassword: TEST_ADMIN_PASSWORD, centerId: 'center-naju' },
      quiet,
    );
    const counselor = seed.accounts.find((a) => a.role === 'counselor')!;
    await createAnalyst(app.url);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    const world: World = {
      url: app.url,
      browser,
      seed,
      counselor: { username: counselor.username, password: counselor.password! },
    };
    for (const flow of flows.filter((f) => !ONLY || f.name.includes(ONLY))) {
      const started = Date.now();
      try {
        await flow.run(world);
        passed += 1;
        console.log(`  ✓ ${flow.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(
          `  ✗ ${flow.name} (${Date.now() - started} ms)\n      ${(error as Error).message.split('\n').join('\n      ')}`,
        );
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
  const login = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await fetch(`${url}/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({
      username: ANALYST.username,
      displayName: ANALYST.displayName,
      role: 'ministry_analyst',
      password: ANALYST.password,
    }),
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
