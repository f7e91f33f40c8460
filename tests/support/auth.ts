import request from 'supertest';
import { createHash } from 'node:crypto';

/**
 * Logging in from tests. Every route of the api needs a token (the global AuthGuard), so tests
 * act as real accounts: the harness starts every app with this administrator password, and
 * `api(target, caller)` creates the caller's account through the administrator (POST /accounts),
 * logs in through POST /auth/login and sends the token with every request. Nothing is bypassed.
 */
export const TEST_ADMIN_USERNAME = 'admin';
export const TEST_ADMIN_PASSWORD = 'harness-keeper-2026-naju';
/** Env for an app (in-process or spawned) whose first administrator the harness can log in as. */
/** The scraper's token for /metrics (METRICS_TOKEN), set in every test process like the administrator's password. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';
export const TEST_ADMIN_ENV = {
  SAEIL_ADMIN_USERNAME: TEST_ADMIN_USERNAME,
  SAEIL_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
  METRICS_TOKEN: TEST_METRICS_TOKEN,
} as const;

export type TestRole = 'counselor' | 'supervisor' | 'regional_supervisor' | 'ministry_analyst' | 'administrator';
export interface Caller {
  role: TestRole;
  centerId?: string;
  region?: string;
  /** Tells apart two accounts of the same role and scope (two counselors of one center). */
  name?: string;
}

export const counselorOf = (centerId: string, name?: string): Caller => ({
  role: 'counselor',
  centerId,
  ...(name ? { name } : {}),
});
export const supervisorOf = (centerId: string): Caller => ({ role: 'supervisor', centerId });
export const regionalSupervisorOf = (region: string): Caller => ({ role: 'regional_supervisor', region });
export const MINISTRY_ANALYST: Caller = { role: 'ministry_analyst' };
export const ADMINISTRATOR: Caller = { role: 'administrator' };
/** Who tests act as unless they say: the supervisor of the center most tests use. */
export const DEFAULT_CALLER: Caller = supervisorOf('center-naju');

const PASSWORD = 'harness-caller-password-2026';
/** Tokens live 15 minutes; a cached one is renewed after 10. */
const TOKEN_REUSE_MS = 10 * 60_000;
const tokens = new Map<string, Promise<{ token: string; at: number }>>();

function usernameOf(caller: Caller): string {
  const scope = caller.centerId ?? caller.region ?? 'all';
  const tag = createHash('sha256')
    .update(caller.name ? `${scope}|${caller.name}` : scope)
    .digest('hex')
    .slice(0, 10);
  return `t.${caller.role.replace(/_/g, '-')}.${tag}`;
}

async function login(url: string, username: string, password: string): Promise<string> {
  const res = await request(url).post('/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

async function issue(url: string, caller: Caller): Promise<string> {
  if (caller.role === 'administrator') return login(url, TEST_ADMIN_USERNAME, TEST_ADMIN_PASSWORD);
  const admin = await tokenFor(url, ADMINISTRATOR);
  const username = usernameOf(caller);
  const created = await request(url).post('/accounts').set('Authorization', `Bearer ${admin}`).send({
    username,
    role: caller.role,
    centerId: caller.centerId,
    region: caller.region,
    password: PASSWORD,
    displayName: username,
  });
  // 422 USERNAME_TAKEN: created earlier by another test in this database (or before a token was renewed).
  const taken = created.status === 422 && created.body?.error?.code === 'USERNAME_TAKEN';
  if (created.status !== 201 && !taken)
    throw new Error(`creating ${username} failed: ${created.status} ${JSON.stringify(created.body)}`);
  return login(url, username, PASSWORD);
}

/** An access token of the caller on the app at url (account created on first use, cached per app). */
export async function tokenFor(url: string, caller: Caller = DEFAULT_CALLER): Promise<string> {
  const key = `${url}|${caller.role}|${caller.centerId ?? ''}|${caller.region ?? ''}|${caller.name ?? ''}`;
  const cached = tokens.get(key);
  if (cached) {
    const got = await cached.catch(() => undefined);
    if (got && Date.now() - got.at < TOKEN_REUSE_MS) return got.token;
  }
  const fresh = issue(url, caller).then((token) => ({ token, at: Date.now() }));
  tokens.set(key, fresh);
  fresh.catch(() => tokens.delete(key));
  return (await fresh).token;
}

/** supertest against the app, every request carrying the caller's token. */
export interface Api {
  get(path: string): request.Test;
  post(path: string): request.Test;
  put(path: string): request.Test;
  patch(path: string): request.Test;
  delete(path: string): request.Test;
  /** The bearer token (for a raw client, e.g. a load generator). */
  token: string;
}

/** The caller's account id (GET /auth/me): the actor her commands record. */
export async function accountIdOf(target: { url: string } | string, caller: Caller = DEFAULT_CALLER): Promise<string> {
  const url = typeof target === 'string' ? target : target.url;
  const me = await request(url)
    .get('/auth/me')
    .set('Authorization', `Bearer ${await tokenFor(url, caller)}`);
  if (me.status !== 200)
    throw new Error(`GET /auth/me as ${usernameOf(caller)} failed: ${me.status} ${JSON.stringify(me.body)}`);
  return me.body.accountId as string;
}

/**
 * The account id of a counselor of the center, created on first use (the same account
 * `counselorOf(centerId, name)` acts as): what a command's counselorId must name — an enabled
 * counselor or supervisor account of the case's center. `name` tells two counselors apart.
 */
export function counselorAccount(
  target: { url: string } | string,
  centerId = 'center-naju',
  name?: string,
): Promise<string> {
  return accountIdOf(target, counselorOf(centerId, name));
}

export async function api(target: { url: string } | string, caller: Caller = DEFAULT_CALLER): Promise<Api> {
  const url = typeof target === 'string' ? target : target.url;
  const token = await tokenFor(url, caller);
  const bearer = `Bearer ${token}`;
  return {
    get: (path) => request(url).get(path).set('Authorization', bearer),
    post: (path) => request(url).post(path).set('Authorization', bearer),
    put: (path) => request(url).put(path).set('Authorization', bearer),
    patch: (path) => request(url).patch(path).set('Authorization', bearer),
    delete: (path) => request(url).delete(path).set('Authorization', bearer),
    token,
  };
}
