/**
 * The case page (issue 14): a counselor records consents, two sessions, a plan, a course
 * completion and a placement on a woman's case, then the 1-month follow-up from her work queue,
 * and sees each in the timeline — once with the mouse, once with the keyboard alone (Tab to
 * reach, typing, Enter/Space/arrows to act). axe on every screen it opens.
 */
import type { Locator, Page } from 'playwright-core';
import {
  SCREENSHOTS,
  accessible,
  apiAs,
  check,
  logIn,
  newPage,
  shoot,
  type Flow,
  type World,
  accountIdOf,
} from '../support';

declare const document: { activeElement: any; querySelectorAll(selector: string): { length: number } };

const KOREAN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** A day relative to today on the Korean calendar (the API's and the browser's), YYYY-MM-DD. */
const day = (offset: number) => KOREAN_DAY.format(new Date(Date.now() + offset * 86_400_000));

async function postAs(world: World, route: string, body: unknown): Promise<any> {
  const login = await fetch(`${world.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(world.counselor),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const answer = await fetch(`${world.url}${route}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${accessToken}`,
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
  const json = await answer.json();
  check(answer.ok, `POST ${route}: ${answer.status} ${JSON.stringify(json)}`);
  return json;
}

/** A woman registered four months ago (at intake, another screen) and a course of her center. */
async function given(world: World, name: string, phone: string) {
  const { clientId } = await postAs(world, '/clients', {
    name,
    birthDate: '1986-05-14',
    phone,
    centerId: 'center-naju',
    counselorId: await accountIdOf(world, world.counselor),
    region: '전라남도',
    registeredOn: day(-120),
  });
  const { courseId } = await postAs(world, '/courses', {
    centerId: 'center-naju',
    title: `전산회계 실무 (${name})`,
    provider: '나주직업전문학교',
    field: '전산회계',
    startsOn: day(-110),
    endsOn: day(-40),
    hours: 300,
    capacity: 20,
  });
  // Her caseload row is a projection: wait until it has her (the intake screen's own save waits with minPosition).
  for (let i = 0; i < 40; i++) {
    const page = await apiAs(
      world,
      world.counselor.username,
      world.counselor.password,
      `/caseload?clientId=${clientId}`,
    );
    if (page.items.length > 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { clientId: clientId as string, courseId: courseId as string };
}

/** How the counselor works a form: with the mouse, or with the keyboard alone. */
interface Hands {
  button(scope: Page | Locator, name: string): Promise<void>;
  tab(name: string): Promise<void>;
  text(form: Locator, label: string, value: string): Promise<void>;
  date(form: Locator, label: string, ymd: string): Promise<void>;
  choose(form: Locator, label: string, option: string): Promise<void>;
  tick(form: Locator, label: string): Promise<void>;
}

/** A field by its label; an optional field's label ends in antd's "(선택사항)". */
const field = (form: Locator, label: string) =>
  form.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\(선택사항\\))?$`));

const mouse = (page: Page): Hands => ({
  button: (scope, name) => scope.getByRole('button', { name, exact: true }).click(),
  tab: (name) => page.getByRole('tab', { name, exact: true }).click(),
  text: (form, label, value) => field(form, label).fill(value),
  date: async (form, label, ymd) => {
    await field(form, label).click();
    await field(form, label).fill(ymd);
    await field(form, label).press('Enter');
  },
  choose: async (form, label, option) => {
    await field(form, label).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  },
  tick: (form, label) => field(form, label).check(),
});

/** What the focused element is called (its label, aria-label or text) and its role. */
async function focused(page: Page): Promise<{ name: string; role: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return { name: '', role: '' };
    const byId = (ids: string | null) =>
      (ids ?? '')
        .split(' ')
        .map((id: string) => (id ? (el.ownerDocument.getElementById(id)?.textContent ?? '') : ''))
        .join(' ');
    const name = el.getAttribute('aria-label') ?? (el.labels?.[0]?.textContent || '') ?? '';
    // Its own text, without a live region inside it (antd's tab announces "n of m" that way).
    const own = el.cloneNode(true);
    own.querySelectorAll('[aria-live]').forEach((live: any) => live.remove());
    const label = name || byId(el.getAttribute('aria-labelledby')) || own.textContent || '';
    const role =
      el.getAttribute('role') ??
      (el.tagName === 'BUTTON' ? 'button' : el.tagName === 'A' ? 'link' : (el.type ?? el.tagName.toLowerCase()));
    return {
      name: label
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/\s*\(선택사항\)$/, ''),
      role,
    };
  });
}

/** Tab (forward only) until the element called `name` has the focus: it must be reachable by Tab. */
async function tabTo(page: Page, name: string, role?: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.name === name && (!role || now.role === role)) return;
  }
  throw new Error(`not reachable by Tab: ${role ?? ''} “${name}”`);
}

const keyboard = (page: Page): Hands => ({
  button: async (_scope, name) => {
    await tabTo(page, name, 'button');
    await page.keyboard.press('Enter');
  },
  tab: async (name) => {
    // Tabs are one stop (roving tabindex): Tab to the selected one, arrows to hers, Enter.
    for (let i = 0; i < 250 && (await focused(page)).role !== 'tab'; i++) await page.keyboard.press('Tab');
    for (let i = 0; i < 10 && (await focused(page)).name !== name; i++) await page.keyboard.press('ArrowRight');
    check((await focused(page)).name === name, `tab ${name} reached with the arrow keys`);
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name, selected: true }).waitFor();
  },
  text: async (_form, label, value) => {
    await tabTo(page, label);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
  },
  date: async (_form, label, ymd) => {
    // The date picker takes a typed day; Enter takes it and closes the calendar.
    await tabTo(page, label);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(ymd);
    await page.keyboard.press('Enter');
  },
  choose: async (_form, label, option) => {
    await tabTo(page, label);
    await page.keyboard.type(option);
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).waitFor();
    await page.keyboard.press('Enter');
  },
  tick: async (_form, label) => {
    await tabTo(page, label);
    await page.keyboard.press('Space');
  },
});

/** Her case, worked through with one pair of hands; axe and (with --screenshots) a picture of every screen. */
async function workHerCase(
  world: World,
  page: Page,
  hands: Hands,
  who: { name: string; clientId: string; courseId: string },
  tag: string,
) {
  const saved = async (form: Locator, sentence: string | RegExp) => {
    await form.getByRole('status').getByText(sentence).waitFor();
  };
  const screen = async (label: string, file: string) => {
    // An error message or a closing calendar still fading out is not the screen she reads.
    await page
      .locator('.ant-form-show-help-item-leave, .ant-picker-dropdown:visible, .ant-select-dropdown:visible')
      .first()
      .waitFor({ state: 'detached', timeout: 3000 })
      .catch(() => undefined);
    await accessible(page, label);
    if (tag === 'mouse') await shoot(page, file);
  };
  const file = (name: string) => name;

  // She arrives from login, sent back to the case she opened.
  await page.waitForURL(new RegExp(`/app/cases/${who.clientId}$`));
  await page.getByRole('heading', { name: who.name, level: 1 }).waitFor();
  await page.getByRole('list', { name: '동의 현황' }).waitFor();

  // 개인정보 동의: service, then employer sharing (a center referral needs it).
  for (const purpose of ['개인정보 수집·이용', '제3자 제공(채용기업)']) {
    await hands.button(page, '동의 받기');
    const form = page.getByRole('region', { name: '동의 받기' });
    await hands.choose(form, '동의 항목', purpose);
    await hands.date(form, '서명일', day(-120));
    if (purpose === '개인정보 수집·이용') await screen('사례 · 동의 받기', file('case-consent'));
    await hands.button(form, '저장');
    await saved(form, `${purpose} 동의를 기록했습니다.`);
    await page
      .getByRole('list', { name: '동의 현황' })
      .getByText(/동의 \(서식 2026-01/)
      .nth(purpose === '개인정보 수집·이용' ? 0 : 1)
      .waitFor();
    await hands.button(form, '닫기');
  }

  // 상담: two sessions.
  await hands.tab('상담');
  await hands.button(page, '상담 기록');
  const session = page.getByRole('region', { name: '개별상담 기록' });
  for (const [on, topic] of [
    [day(-112), '초기상담 및 구직 욕구 확인'],
    [day(-105), '이력서 작성'],
  ]) {
    await hands.date(session, '상담일', on);
    await hands.text(session, '상담 주제', topic);
    await hands.text(session, '상담 내용', `${topic}: 회계 사무직 희망`);
    if (topic === '이력서 작성') await screen('사례 · 상담', file('case-sessions'));
    await hands.button(session, '저장');
    await saved(session, new RegExp(`상담\\(${topic}\\)을 기록했습니다`));
    await page.getByRole('cell', { name: topic, exact: true }).waitFor();
  }

  // 취업지원계획 수립.
  await hands.tab('취업지원계획');
  await hands.button(page, '계획 수립');
  const plan = page.getByRole('region', { name: '취업지원계획 수립' });
  await hands.text(plan, '취업 목표 (한 줄에 하나)', '6개월 내 회계 사무직 정규직 취업');
  await hands.text(plan, '희망 직종', '경영·회계 사무원');
  await hands.tick(plan, '직업교육훈련');
  await hands.text(plan, '다음 조치', '전산회계 과정 등록');
  await hands.date(plan, '다음 조치 기한', day(-100));
  await hands.date(plan, '수립일 (본인과 합의한 날)', day(-104));
  await screen('사례 · 취업지원계획', file('case-plan'));
  await hands.button(plan, '저장');
  await plan.waitFor({ state: 'detached' });
  await page.locator('.ant-descriptions').getByText('6개월 내 회계 사무직 정규직 취업').waitFor();

  // 직업훈련: the course by its number, enrolment, then completion.
  await hands.tab('직업훈련');
  await hands.text(page.locator('body'), '과정 번호', who.courseId);
  await page.keyboard.press('Enter');
  await page.getByText(`전산회계 실무 (${who.name}) (전산회계)`).waitFor();
  await hands.button(page, '수강 등록');
  const enroll = page.getByRole('region', { name: /^수강 등록:/ });
  await hands.date(enroll, '등록일', day(-108));
  await hands.button(enroll, '저장');
  await enroll.waitFor({ state: 'detached' });
  await page.getByText(/직업교육훈련 수강 신청/).waitFor();
  await hands.button(page, '수료');
  const completion = page.getByRole('region', { name: /^수료:/ });
  await hands.date(completion, '수료일', day(-40));
  await screen('사례 · 직업훈련', file('case-training'));
  await hands.button(completion, '저장');
  await completion.waitFor({ state: 'detached' });
  await page.getByText(/직업교육훈련 수료/).waitFor();

  // 취업 기록, a month ago: the 1·2·3-month follow-ups are scheduled.
  await hands.tab('취업·사후관리');
  await hands.button(page, '취업 기록');
  const placement = page.getByRole('region', { name: '취업 기록' });
  await hands.text(placement, '업체 이름', '한빛세무회계');
  await hands.text(placement, '직무', '회계 사무원');
  await hands.text(placement, '직종 (고용직업분류 코드 또는 직종명)', '0231');
  await hands.text(placement, '월 급여', '2450000');
  await hands.date(placement, '취업일', day(-31));
  await screen('사례 · 취업 기록', file('case-placement'));
  await hands.button(placement, '저장');
  await placement.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: '한빛세무회계 · 회계 사무원' }).waitFor();

  // The 1-month follow-up, from her work queue (the schedule reaches the queue shortly after).
  if (tag === 'keyboard') {
    await tabTo(page, '오늘 할 일', 'link');
    await page.keyboard.press('Enter');
  } else await page.getByRole('link', { name: '오늘 할 일' }).click();
  const link = page.locator('section[aria-label^="사후관리"] a', { hasText: who.name });
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.getByRole('heading', { name: /오늘 할 일/ }).waitFor();
    await page.locator('.ant-skeleton').first().waitFor({ state: 'detached' });
    if ((await link.count()) > 0) break;
    await page.waitForTimeout(1000);
    await page.reload();
  }
  check((await link.count()) > 0, `her 1-month follow-up is in the work queue`);
  await accessible(page, '오늘 할 일 (사후관리 예정)');
  if (tag === 'keyboard') {
    await tabTo(page, `${who.name} · 1개월 사후관리 · 한빛세무회계`, 'link');
    await page.keyboard.press('Enter');
  } else await link.first().click();
  await page.waitForURL((u) => u.searchParams.get('form') === 'follow-up' && u.searchParams.get('n') === '1');
  const followUp = page.getByRole('region', { name: '사후관리 기록: 한빛세무회계' });
  await followUp.waitFor();
  check(await followUp.getByLabel('1개월', { exact: true }).isChecked(), 'the form is ready for the 1-month milestone');
  await page
    .getByText(/연락 기간|기한 지남|예정/)
    .first()
    .waitFor();
  await hands.choose(followUp, '고용 상태', '같은 업체 근무 중');
  await hands.text(followUp, '애로사항 (한 줄에 하나)', '월말 결산 업무 적응');
  await hands.tick(followUp, '상담');
  await screen('사례 · 사후관리 기록', file('case-follow-up'));
  await hands.button(followUp, '저장');
  await followUp.waitFor({ state: 'detached' });
  await page.getByRole('cell', { name: /^1개월 사후관리 \(전화/ }).waitFor();

  // Each of them in her timeline, in Korean.
  await hands.tab('타임라인');
  const timeline = page.locator('.ant-timeline');
  for (const text of [
    '개인정보 수집·이용 동의 (서식 2026-01)',
    '제3자 제공(채용기업) 동의 (서식 2026-01)',
    '개별상담 (내방, 50분): 초기상담 및 구직 욕구 확인',
    '개별상담 (내방, 50분): 이력서 작성',
    '취업지원계획 수립',
    `직업교육훈련 수료: 전산회계 실무 (${who.name})`,
    '취업: 한빛세무회계 회계 사무원',
    '1개월 사후관리 (전화',
  ]) {
    await timeline.getByText(text).first().waitFor();
  }
  await page.locator('[aria-current="step"]', { hasText: '취업' }).waitFor();
  // She went from training to a job: 인턴 is not shown as a stage she went through.
  await page.locator('.ant-steps-item', { hasText: '인턴' }).getByText('거치지 않음').waitFor();
  await screen('사례 · 타임라인', file('case-timeline'));
}

/** Each tab with a form open at a tablet's width (no sideways scrolling, axe), including the forms the scenario does not open. */
async function tabletTour(world: World, clientId: string, viewport: 'tablet' | 'desktop' = 'tablet') {
  const { context, page } = await newPage(world, viewport);
  try {
    await page.goto(`/app/cases/${clientId}`);
    await logIn(page, world.counselor.username, world.counselor.password);
    await page.getByRole('list', { name: '동의 현황' }).waitFor();
    for (const [query, region, file] of [
      ['', '', 'case'],
      ['?form=session', '개별상담 기록', 'case-sessions'],
      ['?tab=plan&form=plan', '취업지원계획 변경', 'case-plan'],
      ['?tab=internship&form=internship-start', '새일여성인턴 시작', 'case-internship'],
      ['?form=follow-up', '', 'case-placements'],
      ['?form=profile', '프로필 수정', 'case-profile'],
      ['?form=closure', '사례 종결', 'case-closure'],
    ] as const) {
      await page.goto(`/app/cases/${clientId}${query}`);
      await page.getByRole('list', { name: '동의 현황' }).waitFor();
      if (region) await page.getByRole('region', { name: region }).waitFor();
      await page
        .locator('.ant-skeleton')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      const overflow = await page.evaluate(
        () => (document as any).documentElement.scrollWidth - (document as any).documentElement.clientWidth,
      );
      check(overflow <= 1, `${file} at ${viewport} scrolls sideways by ${overflow} px`);
      await accessible(page, `사례 ${query || '(처음)'} (${viewport})`);
      await shoot(page, file);
    }
  } finally {
    await context.close();
  }
}

export const caseFlows: Flow[] = [
  {
    name: 'case page: a counselor records consents, two sessions, a plan, a course completion, a placement, then the 1-month follow-up from her work queue, and sees each in the timeline',
    run: async (world) => {
      const who = { name: '한지민', ...(await given(world, '한지민', '010-5821-3307')) };
      const { context, page } = await newPage(world);
      try {
        await page.goto(`/app/cases/${who.clientId}`);
        await logIn(page, world.counselor.username, world.counselor.password);
        await workHerCase(world, page, mouse(page), who, 'mouse');
      } catch (error) {
        await keepFailure(page, 'mouse');
        throw error;
      } finally {
        await context.close();
      }
      await tabletTour(world, who.clientId);
      // The forms the scenario does not open, at a laptop's width too (pictures for docs/screenshots).
      if (SCREENSHOTS) await tabletTour(world, who.clientId, 'desktop');
    },
  },
  {
    name: 'case page with the keyboard alone: the same record, reached by Tab and saved by Enter',
    run: async (world) => {
      const who = { name: '오세린', ...(await given(world, '오세린', '010-7734-2190')) };
      const { context, page } = await newPage(world);
      try {
        await page.goto(`/app/cases/${who.clientId}`);
        await page.getByLabel('사용자 이름').waitFor();
        // Login by keyboard too: the user name field has the focus when the screen opens.
        if ((await focused(page)).name !== '사용자 이름') await tabTo(page, '사용자 이름');
        await page.keyboard.type(world.counselor.username);
        await page.keyboard.press('Tab');
        await page.keyboard.type(world.counselor.password);
        await page.keyboard.press('Enter');
        await workHerCase(world, page, keyboard(page), who, 'keyboard');
      } catch (error) {
        await keepFailure(page, 'keyboard');
        throw error;
      } finally {
        await context.close();
      }
    },
  },
];

/** What the screen showed when a flow failed (BROWSER_FAILURES=dir), to read the failure from. */
async function keepFailure(page: Page, tag: string) {
  const dir = process.env.BROWSER_FAILURES;
  if (dir) await page.screenshot({ path: `${dir}/case-${tag}.png`, fullPage: true }).catch(() => undefined);
}
