import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { session } from '../../api/session';
import { koreanDate, today } from '../../components/format';
import { caseSearch } from './case-search';
import { consentStates } from './timeline-facts';

// The whole app renders for each case here; on a busy 2-core machine that can take a while.
vi.setConfig({ testTimeout: 60_000 });

const CLIENT = '6f1c2b8e-3d4a-4c5b-8e9f-0a1b2c3d4e5f';
const PLACEMENT = '0b7f9a52-1c2d-4e3f-8a9b-112233445566';
const PRINCIPAL = {
  accountId: 'a1',
  username: 'kim.counselor',
  displayName: '김상담',
  role: 'counselor',
  centerId: 'center-naju',
  provider: 'local',
};
const ROW = {
  clientId: CLIENT,
  centerId: 'center-naju',
  counselorId: 'kim.counselor',
  name: '박서연',
  birthDate: '1988-04-02',
  phone: '010-1234-5678',
  birthYear: 1988,
  erased: false,
  region: '전라남도',
  status: 'employed',
  registeredAt: '2026-03-02T00:00:00.000Z',
  lastContactOn: '2026-03-10',
  nextAction: null,
  lastEventAt: '2026-03-10T00:00:00.000Z',
};
const entry = (position: number, type: string, summary: string, on = '2026-03-02') => ({
  occurredAt: `${on}T01:00:00.000Z`,
  recordedAt: `${on}T01:00:00.000Z`,
  actorId: 'kim.counselor',
  centerId: 'center-naju',
  summary,
  type,
  context: 'intake',
  position,
});
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** What the API is made to answer the next POST of a session with (one answer each, then 201). */
let sessionAnswers: Response[];
let posts: { path: string; key: string | null; body: any }[];
let timelineReads: number;

beforeEach(() => {
  sessionAnswers = [];
  posts = [];
  timelineReads = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (raw: RequestInfo | URL, init?: RequestInit) => {
      const input = raw instanceof Request ? raw : new Request(new URL(String(raw), 'http://localhost'), init);
      const url = new URL(input.url);
      const path = url.pathname;
      if (path === '/auth/refresh')
        return json({ accessToken: 'token', tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 1209600 });
      if (path === '/auth/me') return json(PRINCIPAL);
      if (path === '/caseload') return json({ items: [ROW], page: 1, pageSize: 20, total: 1 });
      if (path === `/cases/${CLIENT}/timeline`) {
        timelineReads += 1;
        return json({
          items: [
            entry(3, 'ConsentWithdrawn', '마케팅 정보 수신 동의 철회', '2026-03-05'),
            entry(2, 'ConsentGiven', '마케팅 정보 수신 동의 (서식 2026-01)'),
            entry(1, 'ConsentGiven', '개인정보 수집·이용 동의 (서식 2026-01)'),
          ],
          page: 1,
          pageSize: 100,
          total: 3,
        });
      }
      if (input.method === 'POST') {
        const body = await input.clone().json();
        posts.push({ path, key: input.headers.get('Idempotency-Key'), body });
        return (
          sessionAnswers.shift() ?? json({ clientId: CLIENT, sessionId: 's1', streamVersion: 4, position: 40 }, 201)
        );
      }
      if (path === `/clients/${CLIENT}/counseling-sessions`)
        return json({ clientId: CLIENT, items: [], page: 1, pageSize: 50, total: 0, totalMinutes: 0 });
      if (path === `/clients/${CLIENT}/placements`) {
        return json({
          clientId: CLIENT,
          streamVersion: 1,
          startups: [],
          placements: [
            {
              placementId: PLACEMENT,
              employerName: '한결세무회계',
              jobTitle: '회계 사무원',
              occupation: '0231',
              occupationGroup: '0',
              employmentType: 'regular',
              weeklyHours: 40,
              monthlyWage: 2450000,
              startOn: '2026-02-02',
              channel: 'center',
              employmentInsurance: true,
              status: 'active',
            },
          ],
        });
      }
      if (path === '/follow-ups/queue') {
        return json({
          overdue: [],
          upcoming: [],
          dueThisWeek: [
            {
              clientId: CLIENT,
              clientName: '박서연',
              placementId: PLACEMENT,
              employerName: '한결세무회계',
              n: 1,
              dueOn: '2026-03-02',
              window: { opensOn: '2026-02-23', closesOn: '2026-03-16' },
            },
          ],
        });
      }
      return json({ error: { code: 'NOT_FOUND', message: 'no' } }, 404);
    }),
  );
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await session.logout().catch(() => undefined);
});

function openAt(path: string) {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

/** The session form, filled in as she would. */
async function fillSession(topic: string) {
  const form = await screen.findByRole('region', { name: '개별상담 기록' });
  const topicBox = within(form).getByLabelText('상담 주제');
  fireEvent.change(topicBox, { target: { value: topic } });
  return { form, topicBox };
}

describe('사례 화면의 양식 (case page forms)', () => {
  it('Enter that ends a Hangul composition does not save; the next Enter saves once, with an Idempotency-Key', async () => {
    openAt(`/app/cases/${CLIENT}?form=session`);
    const { form, topicBox } = await fillSession('이력서 작성');
    fireEvent.keyDown(topicBox, { key: 'Enter', keyCode: 229, isComposing: true });
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(posts).toHaveLength(0);

    fireEvent.keyDown(topicBox, { key: 'Enter' });
    await within(form).findByText(`${koreanDate(today())} 상담(이력서 작성)을 기록했습니다.`);
    expect(posts).toHaveLength(1);
    expect(posts[0].path).toBe(`/clients/${CLIENT}/counseling-sessions`);
    expect(posts[0].body).toMatchObject({
      occurredOn: today(),
      topic: '이력서 작성',
      channel: 'in_center',
      durationMinutes: 50,
    });
    expect(posts[0].key).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("puts the API's field errors under their fields in Korean, and one without a field above the button", async () => {
    sessionAnswers.push(
      json(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: '입력값이 올바르지 않습니다: occurredOn, topic',
            fields: [
              { field: 'occurredOn', code: 'futureDate', message: 'occurredOn must not be in the future' },
              { field: 'topic', code: 'maxLength', message: 'topic must be shorter' },
              { field: 'counselorId', code: 'notInCenter', message: '이 센터의 상담사가 아닙니다.' },
            ],
          },
        },
        400,
      ),
    );
    openAt(`/app/cases/${CLIENT}?form=session`);
    const { form } = await fillSession('이력서');
    fireEvent.click(within(form).getByRole('button', { name: '저장' }));
    await within(form).findByText('미래 날짜는 기록할 수 없습니다.');
    expect(within(form).getByText('너무 깁니다.')).toBeTruthy();
    // Each message sits with its field (antd links it by the field's id).
    expect(within(form).getByLabelText('상담일').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText('상담 주제').getAttribute('aria-invalid')).toBe('true');
    const alert = within(form).getByRole('alert');
    expect(alert.textContent).toContain('입력한 내용을 확인해 주세요.');
    expect(alert.textContent).toContain('이 센터의 상담사가 아닙니다.');
  });

  it("shows a broken rule as the API's Korean sentence", async () => {
    sessionAnswers.push(
      json({ error: { code: 'CASE_CLOSED', message: '종결된 사례에는 상담을 기록할 수 없습니다.' } }, 422),
    );
    openAt(`/app/cases/${CLIENT}?form=session`);
    const { form } = await fillSession('이력서');
    fireEvent.click(within(form).getByRole('button', { name: '저장' }));
    expect((await within(form).findByRole('alert')).textContent).toContain(
      '종결된 사례에는 상담을 기록할 수 없습니다.',
    );
  });

  it('after a 409 offers to reload and reapply: her case is read again and the same values sent with the same key', async () => {
    sessionAnswers.push(json({ error: { code: 'VERSION_CONFLICT', message: 'conflict' } }, 409));
    openAt(`/app/cases/${CLIENT}?form=session`);
    const { form } = await fillSession('면접 준비');
    fireEvent.click(within(form).getByRole('button', { name: '저장' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('다른 사람이 먼저 기록했습니다');
    const readsBefore = timelineReads;
    fireEvent.click(within(alert).getByRole('button', { name: '새로 불러와 다시 적용' }));
    await within(form).findByText(`${koreanDate(today())} 상담(면접 준비)을 기록했습니다.`);
    expect(timelineReads).toBeGreaterThan(readsBefore);
    expect(posts).toHaveLength(2);
    expect(posts[1].body).toEqual(posts[0].body);
    expect(posts[1].key).toBe(posts[0].key);
  });

  it('after a 429 keeps 저장 disabled for as long as Retry-After says', async () => {
    sessionAnswers.push(
      json({ error: { code: 'TOO_MANY_REQUESTS', message: 'slow down' } }, 429, { 'Retry-After': '90' }),
    );
    openAt(`/app/cases/${CLIENT}?form=session`);
    const { form } = await fillSession('이력서');
    fireEvent.click(within(form).getByRole('button', { name: '저장' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(
      /요청이 너무 많습니다\. (8\d|90)초 후에 다시 저장할 수 있습니다\./,
    );
    const button = within(form).getByRole('button', { name: /초 후 저장$/ });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(posts).toHaveLength(1);
  });

  it('a follow-up due in the work queue opens her placements tab with the form for that milestone', async () => {
    openAt(`/app/cases/${CLIENT}?form=follow-up&placementId=${PLACEMENT}&n=1`);
    const form = await screen.findByRole('region', { name: '사후관리 기록: 한결세무회계' });
    expect((within(form).getByLabelText('1개월') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('tab', { name: '취업·사후관리', selected: true })).toBeTruthy();
    // The milestone with its contact window.
    await screen.findByText('2026년 2월 23일 ~ 2026년 3월 16일');
  });

  it('shows her consents as the timeline left them, with the stage indicator', async () => {
    openAt(`/app/cases/${CLIENT}`);
    const consents = await screen.findByRole('list', { name: '동의 현황' });
    expect(within(consents).getByText(/동의 \(서식 2026-01/)).toBeTruthy();
    expect(within(consents).getByText('철회됨 (2026년 3월 5일)')).toBeTruthy();
    expect(within(consents).getByText('동의 없음')).toBeTruthy();
    expect(
      screen.getByRole('navigation', { name: '사례 단계' }).querySelector('[aria-current="step"]')?.textContent,
    ).toContain('취업');
  });
});

describe('caseSearch', () => {
  it('keeps what it understands: a form names its tab; unknown values and odd ids are dropped', () => {
    expect(caseSearch({ form: 'follow-up', placementId: PLACEMENT, n: '2' })).toEqual({
      form: 'follow-up',
      tab: 'placements',
      placementId: PLACEMENT,
      n: 2,
    });
    expect(caseSearch({ tab: 'nope', form: 'drop-table', n: 7, courseId: '../etc' })).toEqual({});
  });
  it('consentStates: the last word per purpose wins', () => {
    const states = consentStates([
      entry(2, 'ConsentWithdrawn', '개인정보 수집·이용 동의 철회'),
      entry(1, 'ConsentGiven', '개인정보 수집·이용 동의 (서식 2026-01)'),
    ] as never);
    expect(states.find((s) => s.purpose === 'service')?.given).toBe(false);
  });
});
