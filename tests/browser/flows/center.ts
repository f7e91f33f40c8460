/** 센터 활동: a counselor opens a course, records a job fair and an outreach (its counselor by name) and sees each listed; a regional supervisor reads the same list, without forms. */
import { SCREENSHOTS, accessible, check, logIn, newPage, shoot, type Flow } from '../support';

declare const document: { querySelectorAll(selector: string): { length: number } };

export const centerFlows: Flow[] = [
  {
    name: 'a counselor opens a training course and records a job fair and an outreach (its counselor named) in 센터 활동, and each is listed at once',
    run: async (world) => {
      const { context, page } = await newPage(world);
      try {
        await page.goto('/app/login');
        await logIn(page, world.counselor.username, world.counselor.password);
        await page.getByRole('heading', { name: /오늘 할 일/ }).waitFor();
        await page.getByRole('link', { name: '센터 활동' }).click();
        await page.getByRole('heading', { name: /센터 활동/, level: 1 }).waitFor();
        await page.getByRole('tab', { name: '직업교육훈련 과정' }).waitFor();
        await accessible(page, '센터 활동');

        await page.getByRole('button', { name: '과정 개설' }).click();
        await page.getByLabel('과정명').fill('사무행정 실무 (브라우저)');
        await page.getByLabel('훈련기관').fill('나주직업전문학교');
        await page.getByLabel('훈련 분야').fill('사무행정');
        for (const [label, day] of [
          ['시작일', '2026-04-01'],
          ['종료일', '2026-06-30'],
        ] as const) {
          await page.getByLabel(label).click();
          await page.getByLabel(label).pressSequentially(day);
          await page.getByLabel(label).press('Tab');
        }
        await page.getByLabel('총 훈련시간').fill('240');
        await page.getByLabel('정원').fill('20');
        await accessible(page, '센터 활동 (과정 개설)');
        await shoot(page, 'center-course-form');
        await page.getByRole('button', { name: '저장' }).click();
        const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '사무행정 실무 (브라우저)' });
        await row.waitFor();
        check((await row.innerText()).includes('20명'), 'the course row shows its capacity');

        // Another kind, by keyboard-free URL: the tab is in the URL.
        await page.getByRole('tab', { name: '취업박람회' }).click();
        await page.waitForURL((u) => u.searchParams.get('kind') === 'job_fair');
        await page.getByRole('button', { name: '취업박람회 기록' }).click();
        await page.getByLabel('박람회명').fill('나주 여성 채용박람회');
        await page.getByLabel('개최일').click();
        await page.getByLabel('개최일').pressSequentially('2026-10-15');
        await page.getByLabel('개최일').press('Tab');
        await page.getByLabel('참여 기업 수').fill('12');
        await page.getByLabel('구직자(지원자) 수').fill('150');
        await page.getByLabel('채용 인원').fill('23');
        await page.getByLabel('채용 인원').press('Enter');
        await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '나주 여성 채용박람회' }).waitFor();
        await accessible(page, '센터 활동 (취업박람회)');
        await shoot(page, 'center-job-fairs');
        await page.reload();
        await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '나주 여성 채용박람회' }).waitFor();

        // An outreach names the counselors who went out by name, not by account id.
        await page.getByRole('tab', { name: '찾아가는 이동상담' }).click();
        await page.getByRole('button', { name: '이동상담 기록' }).click();
        await page.getByLabel('장소', { exact: true }).fill('빛가람동 아파트 단지 (브라우저)');
        await page.getByLabel('날짜', { exact: true }).click();
        await page.getByLabel('날짜', { exact: true }).pressSequentially('2026-10-20');
        await page.getByLabel('날짜', { exact: true }).press('Tab');
        await page.getByRole('button', { name: '저장' }).click();
        const outreach = page.locator('.ant-table-tbody tr.ant-table-row', {
          hasText: '빛가람동 아파트 단지 (브라우저)',
        });
        await outreach.waitFor();
        const me = world.seed.accounts.find((a) => a.username === world.counselor.username);
        check(
          me?.displayName && (await outreach.innerText()).includes(me.displayName),
          `the outreach row names its counselor (${me?.displayName}): ${await outreach.innerText()}`,
        );
      } finally {
        await context.close();
      }
      for (const viewport of SCREENSHOTS ? (['desktop', 'tablet'] as const) : (['desktop'] as const)) {
        const { context: c, page: p } = await newPage(world, viewport);
        try {
          await p.goto('/app/center?kind=course');
          await logIn(p, world.counselor.username, world.counselor.password);
          await p.locator('.ant-table-tbody tr.ant-table-row', { hasText: '사무행정 실무 (브라우저)' }).waitFor();
          await shoot(p, 'center');
        } finally {
          await c.close();
        }
      }
    },
  },
  {
    name: 'a regional supervisor reads a center of her region in 센터 활동 and has no forms there',
    run: async (world) => {
      const regional = world.seed.accounts.find((a) => a.role === 'regional_supervisor');
      check(regional?.password, 'the seed has a regional supervisor with a password');
      const { context, page } = await newPage(world);
      try {
        await page.goto('/app/center?kind=course&centerId=center-naju');
        await logIn(page, regional.username, regional.password!);
        await page.getByRole('heading', { name: /센터 활동/, level: 1 }).waitFor();
        await page.getByText('광역 관리자는 보기만 할 수 있습니다.').waitFor();
        await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length > 0);
        check(
          (await page.getByRole('button', { name: '과정 개설' }).count()) === 0,
          'no form for a regional supervisor',
        );
        await accessible(page, '센터 활동 (광역)');
      } finally {
        await context.close();
      }
    },
  },
];
