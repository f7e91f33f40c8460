/** 구직 등록: a counselor registers a woman, lands on her new case, and a second registration of her is answered in words. */
import { SCREENSHOTS, accessible, check, logIn, newPage, shoot, type Flow } from '../support';

export const intakeFlows: Flow[] = [
  {
    name: 'a counselor registers a woman with her consents, lands on her case, and a second registration of her shows the duplicate warning',
    run: async (world) => {
      const viewports = SCREENSHOTS ? (['desktop', 'tablet'] as const) : (['desktop'] as const);
      for (const [i, viewport] of viewports.entries()) {
        const { context, page } = await newPage(world, viewport);
        // A woman of her own per viewport: the first registration of each must succeed.
        const woman = {
          name: i === 0 ? '한지민' : '서예린',
          birthDate: i === 0 ? '1985-03-05' : '1989-11-21',
          phone: i === 0 ? '010-7345-1285' : '010-7345-1289',
        };
        try {
          await page.goto('/app/login');
          await logIn(page, world.counselor.username, world.counselor.password);
          await page.getByRole('heading', { name: /오늘 할 일/ }).waitFor();
          await page.getByRole('link', { name: '구직 등록' }).click();
          await page.getByRole('heading', { name: '구직 등록', level: 1 }).waitFor();
          await accessible(page, '구직 등록');
          await shoot(page, 'intake');

          // Keyboard as far as a counselor types: the name (Hangul keystrokes), the date typed, Tab on.
          await page.getByLabel('이름', { exact: false }).first().pressSequentially(woman.name);
          const birth = page.getByLabel('생년월일');
          await birth.click();
          await birth.pressSequentially(woman.birthDate);
          await birth.press('Tab');
          await page.getByLabel('전화번호').fill(woman.phone);
          await page.getByLabel('경력단절 사유').click();
          await page.locator('.ant-select-item-option', { hasText: '육아' }).click();
          await page.getByLabel('경력단절 기간 (년)').fill('6');
          await page.getByLabel('희망 직종').fill('사무보조');
          await page.getByRole('checkbox', { name: /개인정보 수집·이용/ }).check();
          await page.getByRole('button', { name: '구직 등록', exact: true }).click();

          await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
          await page.getByRole('heading', { name: woman.name, level: 1 }).waitFor();
          const clientId = new URL(page.url()).pathname.split('/').pop()!;
          await page
            .locator('.ant-timeline')
            .getByText(/구직등록/)
            .first()
            .waitFor();
          await page.locator('.ant-timeline').getByText(/동의/).first().waitFor();

          // The same woman again: refused, in words, with her existing case one click away.
          await page.getByRole('link', { name: '구직 등록' }).click();
          await page.getByRole('heading', { name: '구직 등록', level: 1 }).waitFor();
          await page.getByLabel('이름', { exact: false }).first().fill(woman.name);
          await page.getByLabel('생년월일').click();
          await page.getByLabel('생년월일').pressSequentially(woman.birthDate);
          await page.getByLabel('생년월일').press('Tab');
          await page.getByLabel('전화번호').fill(woman.phone);
          await page.getByRole('button', { name: '구직 등록', exact: true }).click();
          const warning = page
            .getByRole('alert')
            .filter({ hasText: '이미 우리 센터에 등록된 구직자와 같은 사람으로 보입니다' });
          await warning.waitFor();
          check(
            (await warning.innerText()).includes('기존 사례를 열어 이어서 기록하세요'),
            'the warning says what to do next',
          );
          await accessible(page, '구직 등록 (중복 안내)');
          await shoot(page, 'intake-duplicate');
          await warning.getByRole('button', { name: '기존 사례 열기' }).click();
          await page.waitForURL(new RegExp(`/app/cases/${clientId}$`));
          await page.getByRole('heading', { name: woman.name, level: 1 }).waitFor();
        } finally {
          await context.close();
        }
      }
    },
  },
];
