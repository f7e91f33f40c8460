/** The supervisor's screens (issue 16): home, follow-ups, 고용유지, programs, KPIs, reports, 접속기록. */
import centers from '../../../config/centers.json';
import type { Page } from 'playwright-core';
import {
  SCREENSHOTS,
  accessible,
  accountIdOf,
  check,
  logIn,
  newPage,
  shoot as shootPage,
  type Flow,
  type World,
} from '../support';

/** A request still open after 15 s is named (a screenshot waits for the network to go quiet). */
export function watchRequests(page: Page): void {
  const open = new Map<unknown, { url: string; at: number }>();
  page.on('request', (r) => open.set(r, { url: r.url(), at: Date.now() }));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('response', (r) => {
    if (r.status() >= 500) console.log(`      (${r.status()} ${r.request().method()} ${r.url()})`);
  });
  page.on('requestfailed', (r) => open.delete(r));
  (page as Page & { openRequests?: () => string[] }).openRequests = () =>
    [...open.values()].filter((o) => Date.now() - o.at > 15_000).map((o) => o.url);
}

export async function shoot(page: Page, name: string): Promise<void> {
  try {
    await shootPage(page, name);
  } catch (error) {
    const stuck = (page as Page & { openRequests?: () => string[] }).openRequests?.() ?? [];
    throw new Error(`${(error as Error).message}; requests still open: ${stuck.join(', ') || 'none seen'}`, {
      cause: error,
    });
  }
}

declare const document: { querySelectorAll(selector: string): { length: number } };

/** Today in Korea (the API's calendar), and a day n days before it. */
export function koreaDay(daysAgo = 0): string {
  return new Date(Date.now() + 9 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

export function account(world: World, role: string): { username: string; password: string } {
  const found = world.seed.accounts.find((a) => a.role === role);
  check(found?.password, `the seed made a ${role} account with a password`);
  return { username: found.username, password: found.password };
}

/** A request to the API as this account (the counselor's part of a flow, and the answers to compare the screen with). */
export async function asAccount(world: World, who: { username: string; password: string }) {
  const login = await fetch(`${world.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async (method: string, route: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const answer = await fetch(`${world.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        ...(method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? JSON.parse(text) : undefined };
  };
}

export const centerNames = (centers as { centers: Record<string, { name: string; region: string }> }).centers;

export const supervisorFlows: Flow[] = [
  {
    name: "supervisor: a counselor records a placement and its 1-month follow-up and the supervisor's 고용유지 figure changes; home links to the filtered follow-ups",
    run: async (world) => {
      const supervisor = account(world, 'supervisor');
      const api = await asAccount(world, supervisor);
      const counselorApi = await asAccount(world, world.counselor);
      // A woman of hers registered 45 days ago (a job cannot start before her registration); her job
      // started 35 days ago, so the 1-month milestone has passed.
      const registered = await counselorApi('POST', '/clients', {
        name: '고용유지시험',
        birthDate: '1985-04-12',
        phone: '010-4512-7788',
        centerId: world.seed.centerId,
        counselorId: await accountIdOf(world, world.counselor),
        region: '전라남도',
        registeredOn: koreaDay(45),
      });
      check(registered.status === 201, `registration: ${registered.status} ${JSON.stringify(registered.body)}`);
      const woman = { clientId: registered.body.clientId as string };
      const service = await counselorApi('POST', `/clients/${woman.clientId}/consents`, {
        purpose: 'service',
        version: '2026-01',
        givenOn: koreaDay(45),
      });
      check(service.status === 200, `service consent: ${service.status} ${JSON.stringify(service.body)}`);
      const startOn = koreaDay(35);
      const retentionRoute = `/statistics/retention?level=center&id=${world.seed.centerId}&from=${startOn}&to=${startOn}&asOfDate=${koreaDay()}`;
      const before = (await api('GET', retentionRoute)).body.retention[0].eligible as number;

      const { context, page } = await newPage(world);
      try {
        await page.goto('/app/');
        await logIn(page, supervisor.username, supervisor.password);
        await page.getByRole('heading', { name: /나주여성새로일하기센터 현황/ }).waitFor();
        await page.getByRole('heading', { name: /상담사별 사후관리/ }).waitFor();
        await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
        await accessible(page, '센터장 처음 화면');

        // Her 고용유지 for that one start day, before.
        await page.goto(`/app/retention?from=${startOn}&to=${startOn}`);
        await page.getByRole('heading', { name: '고용유지', level: 1 }).waitFor();
        await page.getByText('집계 기준').waitFor();
        await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
        const beforeText = await page.locator('main').innerText();

        // The counselor's part, through the API: her consent to share with employers, the placement and its 1-month follow-up.
        const consent = await counselorApi('POST', `/clients/${woman.clientId}/consents`, {
          purpose: 'employer_sharing',
          version: '2026-01',
          givenOn: koreaDay(40),
        });
        check(
          consent.status === 201 || consent.status === 200,
          `consent: ${consent.status} ${JSON.stringify(consent.body)}`,
        );
        const placed = await counselorApi('POST', `/clients/${woman.clientId}/placements`, {
          startOn,
          employerName: '브라우저시험상사',
          jobTitle: '사무 보조원',
          occupation: '0231',
          employmentType: 'regular',
          weeklyHours: 40,
          monthlyWage: 2_300_000,
          channel: 'center',
          employmentInsurance: true,
        });
        check(placed.status === 201, `placement: ${placed.status} ${JSON.stringify(placed.body)}`);
        const milestone = koreaDay(5);
        let followed: { status: number; body: any } = { status: 0, body: null };
        for (let i = 0; i < 150; i++) {
          followed = await counselorApi(
            'POST',
            `/clients/${woman.clientId}/placements/${placed.body.placementId}/follow-ups`,
            {
              n: 1,
              channel: 'phone',
              outcome: 'employed_same_employer',
              support: ['counseling'],
              contactedOn: milestone < koreaDay() ? koreaDay(3) : koreaDay(),
            },
          );
          if (followed.status !== 404) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        check(followed.status === 201, `follow-up: ${followed.status} ${JSON.stringify(followed.body)}`);
        const after = await api('GET', `${retentionRoute}&minPosition=${followed.body.position}`);
        check(
          after.body.retention[0].eligible === before + 1,
          `the statistics count her: ${before} → ${after.body.retention[0].eligible}`,
        );

        // The screen, reloaded, shows the new figure.
        await page.reload();
        const total = page.getByRole('row', { name: /기간 전체/ });
        await total.waitFor();
        await page.waitForFunction((n) => {
          const row = [...(globalThis as any).document.querySelectorAll('tr')].find((r: any) =>
            r.innerText.includes('기간 전체'),
          );
          return row && row.innerText.includes(`${n}명`);
        }, before + 1);
        const afterText = await page.locator('main').innerText();
        check(afterText !== beforeText, '고용유지 changed on screen');
        check((await total.innerText()).includes('%'), 'the 1-month rate is shown as a percentage');
        await accessible(page, '고용유지 (하루)');

        // The default view: the chart (ECharts, loaded now) and the tables.
        await page.goto('/app/retention');
        await page.locator('[role="img"] svg').first().waitFor();
        await accessible(page, '고용유지');
        await shoot(page, 'supervisor-retention');

        // Home again: each number is a link to that counselor's filtered list.
        await page.goto('/app/');
        await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
        await shoot(page, 'supervisor-home');
        const numberLink = page.locator('a[href*="/app/follow-ups?"][href*="group="]').first();
        if ((await numberLink.count()) > 0) {
          const href = (await numberLink.getAttribute('href'))!;
          await numberLink.click();
          await page.waitForURL((u) => u.pathname === '/app/follow-ups' && u.search.includes('group='));
          await page.getByRole('heading', { name: '사후관리 목록' }).waitFor();
          const group = new URL(href, world.url).searchParams.get('group');
          const label = { overdue: '기한 지남', dueThisWeek: '이번 주', upcoming: '다가오는 일정' }[group as 'overdue'];
          await page.getByRole('heading', { name: new RegExp(`^${label} · \\d+건`) }).waitFor();
          await accessible(page, '사후관리 목록');
          await shoot(page, 'supervisor-follow-ups');
        }
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "supervisor: submits the month's report (an unchanged correction is refused with the API's reason), downloads it with the reason asked on the field; programs, KPIs and 접속기록 pass axe",
    run: async (world) => {
      const supervisor = account(world, 'supervisor');
      const api = await asAccount(world, supervisor);
      for (const viewport of SCREENSHOTS ? (['desktop', 'tablet'] as const) : (['desktop'] as const)) {
        const { context, page } = await newPage(world, viewport);
        watchRequests(page);
        try {
          await page.goto('/app/reports');
          await logIn(page, supervisor.username, supervisor.password);
          await page.getByRole('heading', { name: /성과 보고/ }).waitFor();
          await page.getByRole('cell', { name: '우리 센터 실제 값' }).first().waitFor();
          const period = new URL(page.url()).searchParams.get('period') ?? lastMonthOf(koreaDay());
          if (viewport === 'desktop') {
            await page.getByRole('button', { name: '제출', exact: true }).click();
            await page.getByRole('button', { name: '제출합니다' }).click();
            await page.getByText('1 (최초 제출)').waitFor();
            // The same figures again are not a correction: the API's reason is shown.
            await page.getByRole('button', { name: /정정본 제출 \(버전 2\)/ }).click();
            await page.getByRole('button', { name: '제출합니다' }).click();
            // ...in the dialog, which stays open until she closes it.
            await page
              .getByRole('dialog')
              .getByText(/내용이 같습니다/)
              .waitFor();
            await page.getByRole('dialog').getByRole('button', { name: '취소' }).click();
            await page.getByRole('dialog').waitFor({ state: 'hidden' });
            const versions = await api('GET', `/ministry-reports/center/${period}/versions?id=${world.seed.centerId}`);
            check(
              versions.status === 200 && versions.body.length === 1,
              `one version submitted, the unchanged correction refused: ${JSON.stringify(versions.body)}`,
            );

            // A file asks for the reason first: empty, the field says so in Korean.
            await page.getByRole('button', { name: '버전 1 CSV 내려받기' }).click();
            await page.getByRole('button', { name: '내려받기', exact: true }).click();
            await page.getByText('반출 사유를 입력해 주세요.').waitFor();
            await page.getByLabel('반출 사유').fill('월간 성과 보고 확인');
            const [download] = await Promise.all([
              page.waitForEvent('download'),
              page.getByRole('button', { name: '내려받기', exact: true }).click(),
            ]);
            check(download.suggestedFilename().endsWith('.csv'), `a CSV file: ${download.suggestedFilename()}`);
          } else {
            await page.locator('.ant-table-row').first().waitFor();
          }
          await accessible(page, '성과 보고');
          await shoot(page, 'supervisor-reports');

          for (const [path, heading, name] of [
            ['/app/programs', '사후관리 프로그램', 'supervisor-programs'],
            ['/app/kpi', '성과지표', 'supervisor-kpi'],
            ['/app/access-log', '접속기록 점검', 'supervisor-access-log'],
          ] as const) {
            await page.goto(path);
            await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
            await page.waitForFunction(() => document.querySelectorAll('.ant-skeleton').length === 0);
            // The demo KPI plan, its achievement per indicator and overall.
            if (path === '/app/kpi') await page.getByText('종합 이행률').waitFor();
            await accessible(page, heading);
            await shoot(page, name);
          }
          // A program's own page: utilization, budget, the women it may support.
          await page.goto('/app/programs');
          await page.locator('.ant-table-row a').first().click();
          await page.getByRole('heading', { name: '시점별 이용 현황' }).waitFor();
          await page.getByRole('button', { name: '지원 대상 불러오기' }).click();
          await page.waitForFunction(() => document.querySelectorAll('.ant-skeleton').length === 0);
          if (viewport === 'desktop') {
            // Her budget plan from the program's budget, then a benefit from the list of eligible women: executed moves.
            await page.getByRole('button', { name: '예산 계획 수립' }).click();
            await page.getByRole('button', { name: '저장' }).click();
            await page.getByRole('cell', { name: '국비' }).first().waitFor();
            const give = page.getByRole('button', { name: /개월 지원하기$/ }).first();
            await give.waitFor();
            await give.click();
            await page.getByRole('button', { name: '지원 기록' }).click();
            try {
              await page.getByRole('button', { name: '지원 기록' }).waitFor({ state: 'detached' });
            } catch (error) {
              // Still open: name what the dialog says (a refusal, a field's error) rather than only the timeout.
              const said = await page
                .getByRole('dialog')
                .innerText()
                .catch(() => '');
              throw new Error(
                `the benefit dialog stayed open: ${said.replace(/\s+/g, ' ').slice(0, 400)} (${(error as Error).message.split('\n')[0]})`,
                { cause: error },
              );
            }
            await page.waitForFunction(() =>
              [...(globalThis as any).document.querySelectorAll('td')].some((td: any) =>
                /^1명$/.test(td.innerText.trim()),
              ),
            );
            await page.getByText(/프로그램 지원 1건은 집행액에 자동 반영/).waitFor();
          }
          await accessible(page, '사후관리 프로그램 상세');
          await shoot(page, 'supervisor-program');
        } finally {
          await context.close();
        }
      }
    },
  },
  {
    name: "supervisor: moves one of a leaving counselor's cases to another in one action (select, preview, confirm) and sees what moved",
    run: async (world) => {
      const supervisor = account(world, 'supervisor');
      const api = await asAccount(world, supervisor);
      const [first, second] = world.seed.accounts.filter((a) => a.role === 'counselor');
      const leaving = world.seed.cases.filter((c) => c.counselor === second.username && c.status !== 'closed');
      check(leaving.length > 0, `the demo's second counselor carries open cases (${second.username})`);
      const moving = leaving[0];
      const { context, page } = await newPage(world);
      try {
        await page.goto('/app/');
        await logIn(page, supervisor.username, supervisor.password);
        await page.getByRole('heading', { name: '담당자 일괄 이관' }).waitFor();
        await page.getByLabel('옮길 사례의 상담사').click();
        await page
          .locator('.ant-select-item-option', { hasText: `${second.displayName} (진행 중` })
          .last()
          .click();
        // only her first case: the others are unticked
        for (const c of leaving.slice(1))
          await page.getByRole('checkbox', { name: new RegExp(`^${c.name} ·`) }).uncheck();
        await page.getByLabel('받을 상담사').click();
        await // the newest dropdown (the first select's may still be closing)
        await page
          .locator('.ant-select-item-option', { hasText: `${first.displayName} (진행 중` })
          .last()
          .click();
        await page.keyboard.press('Escape');
        // every dropdown closed (an open one is a listbox without a name to axe)
        await page.waitForFunction(() =>
          [...(globalThis as any).document.querySelectorAll('.ant-select-dropdown')].every(
            (d: any) => d.offsetParent === null,
          ),
        );
        await page.getByRole('button', { name: '미리 보기' }).click();
        await page.getByText(`사례 1건을 ${first.displayName}에게 옮깁니다.`).waitFor();
        await accessible(page, '담당자 일괄 이관 미리 보기');
        await page.getByRole('button', { name: '1건 옮기기' }).click();
        await page.getByText('1건을 옮겼습니다.').waitFor();
        await page.getByRole('list', { name: '옮긴 사례' }).getByText(moving.name).waitFor();
        await accessible(page, '담당자 일괄 이관 결과');
        await shoot(page, 'supervisor-reassignment');
      } finally {
        await context.close();
      }
      // The API agrees: her case is now the first counselor's.
      const me = await asAccount(world, account(world, 'counselor'));
      const firstId = (await me('GET', '/auth/me')).body.accountId;
      const row = (await api('GET', `/caseload?clientId=${moving.clientId}`)).body.items[0];
      check(row?.counselorId === firstId, `her case moved to ${firstId}: ${JSON.stringify(row)}`);
    },
  },
];

function lastMonthOf(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
