import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { session } from '../../api/session';

const REGIONAL = {
  accountId: 'r1',
  username: 'park.region',
  displayName: '박광역',
  role: 'regional_supervisor',
  region: '전라남도',
  provider: 'local',
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
let caseloadQueries: URLSearchParams[];

beforeEach(() => {
  caseloadQueries = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
      if (url.pathname === '/auth/refresh')
        return json({ accessToken: 'token', tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 1209600 });
      if (url.pathname === '/auth/me') return json(REGIONAL);
      if (url.pathname === '/caseload') {
        caseloadQueries.push(url.searchParams);
        return json({ items: [], page: 1, pageSize: 20, total: 0 });
      }
      return json({ error: { code: 'NOT_FOUND', message: 'no' } }, 404);
    }),
  );
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await session.logout().catch(() => undefined);
});

describe('사례 for a regional supervisor', () => {
  it('reads one center of her 시·도 at a time, the center in the URL, and has no way to record', async () => {
    window.history.replaceState(null, '', '/app/cases?centerId=center-mokpo');
    render(<App />);
    expect(await screen.findByRole('heading', { name: '센터 사례 (보기 전용)' })).toBeTruthy();
    await waitFor(() => expect(caseloadQueries.length).toBeGreaterThan(0));
    expect(caseloadQueries.at(-1)!.get('centerId')).toBe('center-mokpo');
    expect(caseloadQueries.at(-1)!.get('counselorId')).toBeNull();
    expect(screen.queryByRole('link', { name: /구직 등록/ })).toBeNull();
  });

  it('never asks for a center outside her region: such a URL falls back to her region’s first center', async () => {
    window.history.replaceState(null, '', '/app/cases?centerId=center-jinju');
    render(<App />);
    await screen.findByRole('heading', { name: '센터 사례 (보기 전용)' });
    await waitFor(() => expect(caseloadQueries.length).toBeGreaterThan(0));
    expect(caseloadQueries.map((q) => q.get('centerId'))).not.toContain('center-jinju');
    expect(caseloadQueries.at(-1)!.get('centerId')).toBe('center-naju');
  });
});
