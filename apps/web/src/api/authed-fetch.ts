import type { SessionStore } from './session';

/**
 * The fetch every API call goes through (openapi-fetch's `fetch` option):
 * - the access token from memory, after any refresh under way;
 * - a 401 refreshes once (one refresh for all waiting requests) and replays the request; still
 *   401, the session is over and she is sent to log in;
 * - a POST carries an Idempotency-Key, the same on every replay of it (a caller that retries by
 *   hand passes its own key and keeps it until the command succeeded: see useCommand);
 * - a 429 waits what Retry-After says (bounded) and tries again, twice at most.
 */
export interface AuthedFetchOptions {
  session: SessionStore;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  newKey?: () => string;
  /** Longest wait for a 429 before giving up and answering it (ms). */
  maxRetryAfterMs?: number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function createAuthedFetch({
  session,
  fetchImpl = (...a) => fetch(...a),
  sleep = wait,
  newKey = () => crypto.randomUUID(),
  maxRetryAfterMs = 30_000,
}: AuthedFetchOptions) {
  return async function authedFetch(input: Request): Promise<Response> {
    const original = input.clone();
    if (original.method === 'POST' && !original.headers.has('Idempotency-Key'))
      original.headers.set('Idempotency-Key', newKey());

    const send = async (): Promise<Response> => {
      await session.settled();
      const request = original.clone();
      const token = session.token ?? (await session.refresh());
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return fetchImpl(request);
    };

    let response = await send();
    if (response.status === 401) {
      const before = session.token;
      // Another request may have refreshed meanwhile: replay with its token, else refresh.
      const token =
        (await session.settled(), session.token !== before && session.token ? session.token : await session.refresh());
      if (!token) {
        session.expire();
        return response;
      }
      response = await send();
      if (response.status === 401) session.expire();
    }
    for (let attempt = 0; response.status === 429 && attempt < 2; attempt++) {
      const delay = retryAfterMs(response.headers.get('Retry-After')) ?? 1000;
      if (delay > maxRetryAfterMs) break;
      await sleep(delay);
      response = await send();
    }
    return response;
  };
}
