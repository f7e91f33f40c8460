import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { session } from '../../api/session';

const PRINCIPAL = {
  accountId: 'a1',
  username: 'kim.counselor',
  displayName: '김상담',
  role: 'counselor',
  centerId: 'center-naju',
  provider: 'local',
};
const ROW = (name: string, status: string, extra: object = {}) => ({
  clientId: `00000000-0000-4000-8000-00000000000${name.length}`,
  centerId: 'center-naju',
  counselorId: 'a1',
  counselorName: '김상담',
  name,
  birthDate: '1988-04-02',
  phone: '010-1234-5678',
  birthYear: 1988,
  erased: false,
  region: '전라남도',
  status,
  registeredAt: '2026-03-02T00:00:00.000Z',
  lastContactOn: '2026-03-10',
  nextAction: { description: '이력서 제출', dueOn: '2026-03-20' },
  lastEventAt: '2026-03-10T00:00:00.000Z',
  ...extra,
});
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The caseload queries the screen sent, as the API saw their parameters. */
let caseloadQueries: URLSearchParams[];

beforeEach(() => {
  caseloadQueries = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
      if (url.pathname === '/auth/refresh')
        return json({ accessToken: 'token', tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 1209600 });
      if (url.pathname === '/auth/me') return json(PRINCIPAL);
      if (url.pathname === '/caseload') {
        caseloadQueries.push(url.searchParams);
        const q = url.searchParams.get('q');
        const items =
          q === '이하은'
            ? [ROW('이하은', 'counseling')]
            : [ROW('김서연', 'counseling'), ROW('박서윤부', 'in_training', { nextAction: null })];
        return json({ items, page: 1, pageSize: 20, total: items.length });
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

describe('내 사례 (caseload screen)', () => {
  it('shows her cases with stage, age and next action, the filters from the URL as removable chips', async () => {
    openAt('/app/cases?status=counseling&sort=nextActionDue');
    const table = await screen.findByRole('table');
    await within(table).findByText('김서연');
    expect(within(table).getAllByText('상담').length).toBeGreaterThan(0);
    expect(within(table).getByText('훈련')).toBeTruthy();
    expect(within(table).getAllByText(/^만 \d+세$/).length).toBe(2);
    expect(within(table).getByText('이력서 제출')).toBeTruthy();
    // Her own cases, with the URL's filter and sort sent to the API.
    const sent = caseloadQueries.at(-1)!;
    expect([sent.get('counselorId'), sent.get('status'), sent.get('sort'), sent.get('pageSize')]).toEqual([
      'a1',
      'counseling',
      'nextActionDue',
      '20',
    ]);
    const chips = screen.getByLabelText('적용한 조건');
    expect(within(chips).getByText('상태: 상담')).toBeTruthy();
    expect(within(chips).getByText('다음 조치 기한 순')).toBeTruthy();

    // Removing the status chip drops it from the URL and from the query.
    await act(async () => fireEvent.click(screen.getByLabelText('상태: 상담 조건 지우기')));
    await waitFor(() => expect(window.location.search).toBe('?sort=nextActionDue'));
    await waitFor(() => expect(caseloadQueries.at(-1)!.get('status')).toBeNull());
  });

  it('searches on Enter, but not on the Enter that ends a Hangul composition', async () => {
    openAt('/app/cases');
    await screen.findByText('김서연');
    const box = screen.getByLabelText('이름 또는 전화번호로 찾기');
    fireEvent.change(box, { target: { value: '이하' } });
    // The IME's Enter while composing (keyCode 229 / isComposing): nothing is searched.
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229, isComposing: true });
    await new Promise((r) => setTimeout(r, 50));
    expect(window.location.search).toBe('');
    expect(caseloadQueries.some((q) => q.get('q') !== null)).toBe(false);

    fireEvent.change(box, { target: { value: '이하은' } });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe('이하은'));
    await screen.findByText('검색: 이하은');
    const table = screen.getByRole('table');
    await waitFor(() => expect(within(table).queryByText('김서연')).toBeNull());
    expect(within(table).getByText('이하은')).toBeTruthy();
  });
});
