/** The main menu of every role fits the window (issue 16): at 1280 px and on a 768 px tablet, every item in sight. */
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../../support/auth';
import { ANALYST, logIn, menuInView, newPage, type Flow } from '../support';
import { account } from './supervisor';

const MENUS: { role: string; labels: string[] }[] = [
  { role: 'counselor', labels: ['오늘 할 일', '내 사례', '구직 등록', '센터 활동'] },
  {
    role: 'supervisor',
    labels: [
      '처음 화면',
      '내 사례',
      '구직 등록',
      '센터 활동',
      '고용유지',
      '사후관리 프로그램',
      '성과지표',
      '성과 보고',
      '접속기록',
    ],
  },
  { role: 'regional_supervisor', labels: ['처음 화면', '내 사례', '센터 활동', '시·도 현황', '성과 보고'] },
  { role: 'administrator', labels: ['처음 화면', '계정 관리'] },
  { role: 'ministry_analyst', labels: ['처음 화면', '성과 현황'] },
];

export const menuFlows: Flow[] = [
  {
    name: 'menu: every role (counselor, supervisor, regional_supervisor, administrator, ministry_analyst) sees all her menu items inside a 1280 px and a 768 px window',
    run: async (world) => {
      for (const { role, labels } of MENUS) {
        const who =
          role === 'counselor'
            ? world.counselor
            : role === 'administrator'
              ? { username: TEST_ADMIN_USERNAME, password: TEST_ADMIN_PASSWORD }
              : role === 'ministry_analyst'
                ? ANALYST
                : account(world, role);
        for (const viewport of ['desktop', 'tablet'] as const) {
          const { context, page } = await newPage(world, viewport);
          try {
            await page.goto('/app/');
            await logIn(page, who.username, who.password);
            await page.waitForURL((u) => !u.pathname.startsWith('/app/login'));
            await menuInView(page, `${role} at ${page.viewportSize()!.width} px`, labels);
          } finally {
            await context.close();
          }
        }
      }
    },
  },
];
