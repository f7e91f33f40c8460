/** The regional supervisor's screens (issue 16): her 시·도's centers ranked, a drill-down, the region's report; another region's center refused. */
import { SCREENSHOTS, accessible, check, logIn, newPage, type Flow } from '../support';
import { account, centerNames, shoot, watchRequests } from './supervisor';

declare const document: { querySelectorAll(selector: string): { length: number } };

export const regionalFlows: Flow[] = [
  {
    name: "regional: her 시·도's centers ranked with suppressed cells as 비공개, drill-down to a center, the region's report; another region's center cannot be opened",
    run: async (world) => {
      const regional = account(world, 'regional_supervisor');
      const region = world.seed.region!;
      const elsewhere = Object.entries(centerNames).find(([, c]) => c.region !== region);
      check(elsewhere, 'the directory has a center in another 시·도');
      for (const viewport of SCREENSHOTS ? (['desktop', 'tablet'] as const) : (['desktop'] as const)) {
        const { context, page } = await newPage(world, viewport);
        watchRequests(page);
        try {
          await page.goto('/app/');
          await logIn(page, regional.username, regional.password);
          await page.waitForURL((u) => u.pathname === '/app/region');
          await page.getByRole('heading', { name: `${region} 현황` }).waitFor();
          await page.getByRole('heading', { name: /센터별 순위/ }).waitFor();
          await page.waitForFunction(() => document.querySelectorAll('.ant-skeleton').length === 0);
          const naju = page.getByRole('link', { name: centerNames[world.seed.centerId].name });
          await naju.waitFor();
          // The demo center has a handful of women: its small figures are hidden, and say so.
          await page.getByText('비공개 (5명 미만)').first().waitFor();
          await accessible(page, '시·도 현황');
          await shoot(page, 'regional-home');

          await naju.click();
          await page.waitForURL((u) => u.pathname === `/app/region/centers/${world.seed.centerId}`);
          await page.getByRole('heading', { name: centerNames[world.seed.centerId].name, level: 1 }).waitFor();
          await page.getByRole('row', { name: /기간 전체/ }).waitFor();
          await accessible(page, '센터 상세 (시·도)');
          await shoot(page, 'regional-center');

          await page.goto(`/app/region/centers/${elsewhere[0]}`);
          await page.getByText('이 센터는 볼 수 없습니다.').waitFor();
          const body = await page.locator('main').innerText();
          check(!body.includes('기간 전체'), "nothing of another region's center is shown");
          await accessible(page, '다른 시·도 센터 (거절)');
          await shoot(page, 'regional-refused');

          await page.goto('/app/reports');
          await page.getByRole('heading', { name: /성과 보고/ }).waitFor();
          await page.getByText(region).first().waitFor();
          await page.waitForFunction(() => document.querySelectorAll('.ant-skeleton').length === 0);
          check(
            (await page.getByRole('cell', { name: '우리 센터 실제 값' }).count()) === 0,
            'a region sees no exact center figures',
          );
          await accessible(page, '성과 보고 (시·도)');
          await shoot(page, 'regional-reports');
        } finally {
          await context.close();
        }
      }
    },
  },
];
