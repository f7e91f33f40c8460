import { describe, expect, it, vi } from 'vitest';
import { createAuthedFetch, retryAfterMs } from './authed-fetch';
import { SessionStore } from './session';

const PRINCIPAL = {
  accountId: 'a1',
  username: 'kim.counselor',
  displayName: '김상담',
  role: 'counselor',
  centerId: 'center-naju',
};
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/**
 * A stand-in for the API's auth routes (this tier has no server; the browser tier runs the real
 * one): each refresh answers the next token; a data route accepts only the latest token.
 */
function fakeApi() {
  let generation = 0;
  let refreshOk = true;
  const calls: { url: string; authorization: string | null; idempotencyKey: string | null; body?: string }[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(request.url).pathname;
    calls.push({
      url,
      authorization: request.headers.get('Authorization'),
      idempotencyKey: request.headers.get('Idempotency-Key'),
      body: request.method === 'POST' ? await request.clone().text() : undefined,
    });
    if (url === '/auth/refresh') {
      await new Promise((r) => setTimeout(r, 20)); // long enough for the others to pile up behind it
      if (!refreshOk)
        return json(401, { error: { code: 'INVALID_REFRESH_TOKEN', message: '갱신 토큰이 유효하지 않습니다.' } });
      generation += 1;
      return json(200, {
        accessToken: `token-${generation}`,
        tokenType: 'Bearer',
        expiresIn: 900,
        refreshExpiresIn: 1209600,
      });
    }
    if (url === '/auth/me') return json(200, PRINCIPAL);
    if (request.headers.get('Authorization') !== `Bearer token-${generation}`)
      return json(401, { error: { code: 'AUTHENTICATION_REQUIRED', message: '로그인이 필요합니다.' } });
    return json(200, { ok: true, url });
  });
  return {
    fetchImpl: fetchImpl as unknown as typeof fetch,
    calls,
    refreshes: () => calls.filter((c) => c.url === '/auth/refresh').length,
    expireTokens: () => (generation += 1), // the server moved on: the token she holds is stale
    refuseRefresh: () => (refreshOk = false),
  };
}

async function signedIn() {
  const server = fakeApi();
  const session = new SessionStore('http://saeil.test', server.fetchImpl);
  await session.restore();
  const authedFetch = createAuthedFetch({
    session,
    fetchImpl: server.fetchImpl,
    sleep: async () => undefined,
    newKey: (() => {
      let n = 0;
      return () => `key-${++n}`;
    })(),
  });
  return { server, session, authedFetch };
}

describe('the API client’s session handling', () => {
  it('restores a session from the refresh cookie, holding the access token in memory only', async () => {
    const { session, server } = await signedIn();
    expect(session.principal?.displayName).toBe('김상담');
    expect(session.token).toBe('token-1');
    expect(server.calls[0]).toMatchObject({ url: '/auth/refresh', body: JSON.stringify({ cookie: true }) });
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
  });

  it('five requests refused at once cause one refresh; each is replayed once with the new token', async () => {
    const { server, authedFetch } = await signedIn();
    server.expireTokens();
    const paths = ['/caseload', '/follow-ups/queue', '/cases/1/timeline', '/placements', '/caseload?page=2'];
    const answers = await Promise.all(paths.map((p) => authedFetch(new Request(`http://saeil.test${p}`))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    // restore's refresh, then exactly one more for the five.
    expect(server.refreshes()).toBe(2);
    const replays = server.calls.filter((c) => c.url !== '/auth/refresh' && c.authorization === 'Bearer token-3');
    expect(replays.map((c) => c.url).sort()).toEqual([
      '/caseload',
      '/caseload',
      '/cases/1/timeline',
      '/follow-ups/queue',
      '/placements',
    ]);
  });

  it('a request made while a refresh runs waits for it instead of starting another', async () => {
    const { server, session, authedFetch } = await signedIn();
    server.expireTokens();
    const refreshing = session.refresh();
    const answer = await authedFetch(new Request('http://saeil.test/caseload'));
    await refreshing;
    expect(answer.status).toBe(200);
    expect(server.refreshes()).toBe(2);
    expect(server.calls.filter((c) => c.url === '/caseload').map((c) => c.authorization)).toEqual(['Bearer token-3']);
  });

  it('a POST carries an Idempotency-Key, the same one when it is replayed after a refresh; one given by the caller is kept', async () => {
    const { server, authedFetch } = await signedIn();
    server.expireTokens();
    await authedFetch(
      new Request('http://saeil.test/clients/1/counseling-sessions', {
        method: 'POST',
        body: '{"channel":"phone"}',
        headers: { 'Content-Type': 'application/json' },
      }),
    );
    const posts = server.calls.filter((c) => c.url === '/clients/1/counseling-sessions');
    expect(posts.map((c) => [c.idempotencyKey, c.body])).toEqual([
      ['key-1', '{"channel":"phone"}'],
      ['key-1', '{"channel":"phone"}'],
    ]);
    await authedFetch(
      new Request('http://saeil.test/clients/1/consents', {
        method: 'POST',
        body: '{}',
        headers: { 'Idempotency-Key': 'her-retry' },
      }),
    );
    expect(server.calls.at(-1)!.idempotencyKey).toBe('her-retry');
    // A GET has none.
    await authedFetch(new Request('http://saeil.test/caseload'));
    expect(server.calls.at(-1)!.idempotencyKey).toBeNull();
  });

  it('when the refresh is refused the session ends once, and she is told (to log in again and come back)', async () => {
    const { server, session, authedFetch } = await signedIn();
    const expired = vi.fn();
    session.onExpired(expired);
    server.expireTokens();
    server.refuseRefresh();
    const answers = await Promise.all([
      authedFetch(new Request('http://saeil.test/caseload')),
      authedFetch(new Request('http://saeil.test/follow-ups/queue')),
    ]);
    expect(answers.map((a) => a.status)).toEqual([401, 401]);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(session.token).toBeNull();
    expect(session.principal).toBeNull();
  });

  it('a 429 waits what Retry-After says, then tries again; a wait longer than the bound answers the 429', async () => {
    const slept: number[] = [];
    let busy = 1;
    const session = new SessionStore('http://saeil.test', (async () => json(401, {})) as unknown as typeof fetch);
    const fetchImpl = (async () =>
      busy-- > 0
        ? json(429, { error: { code: 'TOO_MANY_REQUESTS', message: '요청이 너무 많습니다.' } }, { 'Retry-After': '3' })
        : json(200, {})) as unknown as typeof fetch;
    const authedFetch = createAuthedFetch({ session, fetchImpl, sleep: async (ms) => void slept.push(ms) });
    expect((await authedFetch(new Request('http://saeil.test/statistics/retention'))).status).toBe(200);
    expect(slept).toEqual([3000]);

    const always429 = (async () => json(429, {}, { 'Retry-After': '120' })) as unknown as typeof fetch;
    const patient = createAuthedFetch({
      session,
      fetchImpl: always429,
      sleep: async (ms) => void slept.push(ms),
      maxRetryAfterMs: 30_000,
    });
    expect((await patient(new Request('http://saeil.test/statistics/retention'))).status).toBe(429);
    expect(slept).toEqual([3000]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Mon, 07 Dec 2026 10:00:05 GMT', Date.parse('Mon, 07 Dec 2026 10:00:00 GMT'))).toBe(5000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
