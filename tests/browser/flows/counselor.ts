/** The counselor's first screens: login, work queue, caseload, a case and its timeline; sessions and refusals. */
import { ANALYST, SCREENSHOTS, accessible, apiAs, check, logIn, newPage, shoot, type Flow } from '../support';

// The few browser globals the page callbacks use (they run in the page, not here); declared in
// this module only, so the DOM library does not leak into the server's type check.
declare const document: { querySelectorAll(selector: string): { length: number }; cookie: string };
declare const localStorage: { length: number };
declare const sessionStorage: { length: number };

export const counselorFlows: Flow[] = [
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
          const me = await apiAs(world, world.counselor.username, world.counselor.password, '/auth/me');
          const queue = await apiAs(
            world,
            world.counselor.username,
            world.counselor.password,
            `/follow-ups/queue?counselorId=${me.accountId}`,
          );
          const owed = queue.overdue.length + queue.dueThisWeek.length + queue.upcoming.length;
          await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
          const followUpLinks = page.locator('section[aria-label^="사후관리"] a');
          await page.waitForFunction(
            (n) => document.querySelectorAll('section[aria-label^="사후관리"] a').length === n || n === 0,
            owed,
          );
          check(
            (await followUpLinks.count()) === owed,
            `follow-ups shown ${await followUpLinks.count()}, API has ${owed}`,
          );
          if (queue.overdue.length > 0) {
            check(
              (await page.locator('section').first().getAttribute('aria-label')) === '사후관리 기한 지남',
              'overdue follow-ups come first',
            );
          } else if (owed === 0) await page.getByText('연락할 사후관리가 없습니다.').waitFor();
          await accessible(page, '오늘 할 일');
          await shoot(page, 'home');

          await page.getByRole('link', { name: '내 사례' }).click();
          await page.getByRole('heading', { name: '내 사례' }).waitFor();
          const mine = world.seed.cases.filter((c) => c.counselor === world.counselor.username);
          check(mine.length >= 2, 'the seed gives her at least two cases');
          const rows = page.locator('.ant-table-tbody tr.ant-table-row');
          await page.waitForFunction(
            (n) => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === n,
            mine.length,
          );
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
          for (const stage of ['접수', '상담', '훈련', '인턴', '취업', '종결'])
            await page.locator('.ant-steps').getByText(stage, { exact: true }).waitFor();
          const timeline = await apiAs(
            world,
            world.counselor.username,
            world.counselor.password,
            `/cases/${target.clientId}/timeline?pageSize=100`,
          );
          const entries = page.locator('.ant-timeline-item');
          await page.waitForFunction(
            (n) => document.querySelectorAll('.ant-timeline-item').length === n,
            timeline.items.length,
          );
          check(
            (await entries.first().innerText()).includes(timeline.items[0].summary),
            `newest entry first: ${timeline.items[0].summary}`,
          );
          check(
            (await page.locator('.ant-timeline').innerText()).includes('구직등록'),
            'the timeline tells her registration in Korean',
          );
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
        await page.waitForURL(
          (u) =>
            u.pathname === '/app/cases' &&
            u.searchParams.get('status') === 'counseling' &&
            u.searchParams.get('sort') === 'nextActionDue',
        );
        await page.getByText('상태: 상담').waitFor();

        // Nothing of the session in browser storage: the access token is in memory, the refresh token an httpOnly cookie.
        const stored = await page.evaluate(() => ({
          local: localStorage.length,
          session: sessionStorage.length,
          cookie: document.cookie,
        }));
        check(
          stored.local === 0 && stored.session === 0 && stored.cookie === '',
          `browser storage holds ${JSON.stringify(stored)}`,
        );
        const cookies = await context.cookies();
        const refresh = cookies.find((c) => c.name === 'saeil_refresh');
        check(
          refresh?.httpOnly === true && refresh.sameSite === 'Strict' && refresh.path === '/auth',
          `refresh cookie ${JSON.stringify(refresh)}`,
        );

        // A reload keeps her signed in (the cookie is traded for a new access token).
        await page.reload();
        await page.getByText('상태: 상담').waitFor();
        check(!page.url().includes('/login'), 'a reload keeps the session');

        // Her login is ended elsewhere (refresh family revoked): the next start of the app sends her to login, then back.
        await page.goto('/app/cases?status=employed');
        await page.getByText('상태: 취업').waitFor();
        await page.evaluate(() =>
          fetch('/auth/logout', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ cookie: true }),
          }),
        );
        await page.reload();
        await page.waitForURL(/\/app\/login\?redirect=/);
        await logIn(page, world.counselor.username, world.counselor.password);
        await page.waitForURL((u) => u.pathname === '/app/cases' && u.searchParams.get('status') === 'employed');

        // 로그아웃: back to login; the cookie is gone.
        await page.getByRole('button', { name: '로그아웃' }).click();
        await page.waitForURL(/\/app\/login/);
        check(
          !(await context.cookies()).some((c) => c.name === 'saeil_refresh' && c.value !== ''),
          'logout clears the refresh cookie',
        );
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
