/** The administrator's screen: accounts (create, disable, reset, audit) and the access log's verification. No case data. */
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../../support/auth';
import { accessible, check, logIn, newPage, SCREENSHOTS, shoot, type Flow } from '../support';

declare const document: { querySelectorAll(selector: string): { length: number } };

const NEW_COUNSELOR = {
  username: 'browser.counselor',
  displayName: '한가람 (새 상담사)',
  password: 'garam-first-login-2026-naju',
};

export const adminFlows: Flow[] = [
  {
    name: 'an administrator creates a counselor who can then log in; she sees the account audit and verifies the access log',
    run: async (world) => {
      for (const viewport of SCREENSHOTS ? (['desktop', 'tablet'] as const) : (['desktop'] as const)) {
        const { context, page } = await newPage(world, viewport);
        try {
          await page.goto('/');
          await page.waitForURL(/\/app\/login/);
          await logIn(page, TEST_ADMIN_USERNAME, TEST_ADMIN_PASSWORD);
          await page.getByRole('link', { name: '계정 관리' }).click();
          await page.getByRole('heading', { name: '계정 관리', level: 1 }).waitFor();
          await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
          await accessible(page, '계정 관리');
          if (viewport === 'tablet') {
            await shoot(page, 'admin-accounts');
            continue;
          }

          // A form without its center is refused by the form itself, before anything is sent.
          await page.getByLabel('사용자 이름 (로그인 아이디)').fill(NEW_COUNSELOR.username);
          await page.getByLabel('이름', { exact: true }).fill(NEW_COUNSELOR.displayName);
          await page.getByLabel('역할').click();
          await page.locator('.ant-select-item-option', { hasText: '상담사' }).click();
          await page.getByLabel('처음 비밀번호').fill(NEW_COUNSELOR.password);
          await page.getByRole('button', { name: '계정 만들기' }).click();
          await page.getByText('소속 센터를 골라 주세요.').waitFor();
          await accessible(page, '계정 만들기 (입력 오류)');

          await page.getByLabel('소속 센터').click();
          await page.keyboard.type('나주');
          await page.locator('.ant-select-item-option', { hasText: '나주여성새로일하기센터' }).click();
          await page.getByRole('button', { name: '계정 만들기' }).click();
          await page
            .getByText(`${NEW_COUNSELOR.displayName}(${NEW_COUNSELOR.username}) 계정을 만들었습니다.`)
            .waitFor();
          const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: NEW_COUNSELOR.username }).first();
          await row.waitFor();
          check((await row.innerText()).includes('나주여성새로일하기센터'), 'the new account shows her center');
          // The audit names the creation, done by the administrator.
          await row.getByRole('button', { name: `감사 기록 ${NEW_COUNSELOR.username}` }).click();
          await page.getByRole('heading', { name: `계정 감사 기록 — ${NEW_COUNSELOR.username}` }).waitFor();
          await page.locator('.ant-table-tbody tr', { hasText: '계정 생성' }).first().waitFor();

          await page.getByRole('button', { name: '검증' }).click();
          await page.getByText('접속기록이 변조되지 않았습니다.').waitFor();
          await accessible(page, '계정 관리 (생성과 검증 후)');
          await shoot(page, 'admin-accounts');

          await page.getByRole('button', { name: '로그아웃' }).click();
          await page.waitForURL(/\/app\/login/);
          await logIn(page, NEW_COUNSELOR.username, NEW_COUNSELOR.password);
          await page.getByRole('heading', { name: /오늘 할 일/ }).waitFor();
          await page.getByText(NEW_COUNSELOR.displayName).first().waitFor();
          // She is no administrator: the accounts screen is not hers.
          check(
            (await page.getByRole('link', { name: '계정 관리' }).count()) === 0,
            'a counselor has no 계정 관리 in her menu',
          );
          await page.goto('/app/admin/accounts');
          await page.getByText('계정 관리는 시스템 관리자의 화면입니다.').waitFor();
          check(
            (await page.evaluate(() => document.querySelectorAll('.ant-table-row').length)) === 0,
            'no account listed to a counselor',
          );
        } finally {
          await context.close();
        }
      }
    },
  },
];
