/** What every browser flow shares: the world it runs in, pages, axe, screenshots, logging in. */
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SeedDemoResult } from '../../scripts/seed-demo';

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = process.argv.includes('--screenshots') ? path.join(ROOT, 'docs', 'screenshots') : undefined;
export const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
export const ANALYST = {
  username: 'ministry-analyst',
  password: 'sejong-analyst-2026-gaeul',
  displayName: '정책 분석가',
};
export const VIEWPORTS = { desktop: { width: 1280, height: 860 }, tablet: { width: 768, height: 1024 } } as const;

export interface World {
  url: string;
  browser: Browser;
  seed: SeedDemoResult;
  counselor: { username: string; password: string };
}

export type Flow = { name: string; run: (world: World) => Promise<void> };

export class Failure extends Error {}
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}

export async function newPage(
  world: World,
  viewport: keyof typeof VIEWPORTS = 'desktop',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    viewport: VIEWPORTS[viewport],
    baseURL: world.url,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/** axe on the screen as it is now: a serious or critical violation fails the flow, naming the rule and where. */
export async function accessible(page: Page, screen: string): Promise<void> {
  // A popup still fading out (antd's *-leave motion: a date picker or a select just closed) or in
  // (*-appear / *-enter: the saved toast) is measured mid-fade by axe, its text at partial
  // opacity: wait until no motion is running.
  await page
    .waitForFunction(
      () => !(globalThis as any).document.querySelector('[class*="-leave"], [class*="-appear"], [class*="-enter"]'),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(
    bad.length === 0,
    `${screen}: axe ${bad
      .map(
        (v) =>
          `${v.impact} ${v.id} (${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join('; ')})`,
      )
      .join(', ')}`,
  );
}

export async function shoot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  await page.waitForLoadState('networkidle');
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
}

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('사용자 이름').fill(username);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
}

/** The API's own answer, to compare the screen with (as the same counselor). */
export async function apiAs(world: World, username: string, password: string, route: string): Promise<any> {
  const login = await fetch(`${world.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const answer = await fetch(`${world.url}${route}`, { headers: { authorization: `Bearer ${accessToken}` } });
  check(answer.ok, `${route}: ${answer.status}`);
  return answer.json();
}

/** An account's id (what counselorId names), as she would read it from GET /auth/me. */
export async function accountIdOf(world: World, who: { username: string; password: string }): Promise<string> {
  const login = await fetch(`${world.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const me = await fetch(`${world.url}/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  return ((await me.json()) as { accountId: string }).accountId;
}

/**
 * The main menu as she sees it: exactly these items, each inside the window (none past the right
 * edge, none clipped into a sideways scroll) and the page itself no wider than the window. At
 * 1280 px the supervisor's 성과 보고 and 접속기록 once sat past the right edge.
 */
export async function menuInView(page: Page, screen: string, labels: string[]): Promise<void> {
  const nav = page.getByRole('navigation', { name: '주 메뉴' });
  const items = nav.getByRole('menuitem');
  await items.first().waitFor();
  const names = (await items.allInnerTexts()).map((t) => t.trim());
  check(
    JSON.stringify(names) === JSON.stringify(labels),
    `${screen}: the menu reads ${names.join(', ')}, not ${labels.join(', ')}`,
  );
  const viewport = page.viewportSize()!;
  for (const [index, name] of names.entries()) {
    const item = items.nth(index);
    check(await item.isVisible(), `${screen}: menu item ${name} is not visible`);
    const box = await item.boundingBox();
    check(
      box && box.x >= 0 && box.x + box.width <= viewport.width,
      `${screen}: menu item ${name} spans ${box?.x.toFixed(0)}–${box ? (box.x + box.width).toFixed(0) : '?'} px, outside the ${viewport.width} px window`,
    );
  }
  const overflow = await page.evaluate(() => {
    const doc = (globalThis as any).document;
    const navElement = doc.querySelector('nav[aria-label="주 메뉴"]');
    return {
      page: doc.documentElement.scrollWidth as number,
      nav: (navElement.scrollWidth - navElement.clientWidth) as number,
    };
  });
  check(
    overflow.page <= viewport.width && overflow.nav <= 0,
    `${screen}: scrolls sideways (page ${overflow.page} px wide, menu ${overflow.nav} px wider than its row)`,
  );
}
