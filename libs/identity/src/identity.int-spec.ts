import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveSigningSecret } from './secrets/signing-secret';
import request from 'supertest';
import { startTestSaeil, TestSaeil } from '../../../tests/support/app';
import { identityHousekeepingJob } from './housekeeping/identity-housekeeping.job';

/**
 * Accounts, login, lockout and tokens through HTTP on a real PostgreSQL (embedded mode: identity
 * writes no events). JWT_SECRET is not set, so the generated-secret path is the one exercised.
 */
describe('identity (HTTP, PostgreSQL)', () => {
  const ADMIN_PASSWORD = 'naju-lighthouse-2026';
  let saeil: TestSaeil;
  let adminToken: string;

  beforeAll(async () => {
    saeil = await startTestSaeil({
      label: 'identity',
      kafka: false,
      worker: false,
      env: {
        SAEIL_ADMIN_PASSWORD: ADMIN_PASSWORD,
        LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
        LOGIN_MAX_FAILURES_PER_USERNAME: '1000',
      },
    });
    adminToken = (await login('admin', ADMIN_PASSWORD).expect(200)).body.accessToken;
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  const login = (username: string, password: string) =>
    request(saeil.url).post('/auth/login').send({ username, password });
  const refresh = (refreshToken: string) => request(saeil.url).post('/auth/refresh').send({ refreshToken });
  const me = (accessToken: string) => request(saeil.url).get('/auth/me').set('Authorization', `Bearer ${accessToken}`);
  const asAdmin = (method: 'get' | 'post', path: string) =>
    request(saeil.url)[method](path).set('Authorization', `Bearer ${adminToken}`);

  let accountNo = 0;
  /** Creates a counselor at center-naju through the admin API; returns her id, user name and password. */
  async function createCounselor(): Promise<{ accountId: string; username: string; password: string }> {
    const username = `counselor-${++accountNo}`;
    const password = `naju-bay-${accountNo}-spring`;
    const created = await asAdmin('post', '/accounts')
      .send({ username, displayName: `상담사${accountNo}`, role: 'counselor', centerId: 'center-naju', password })
      .expect(201);
    return { accountId: created.body.accountId, username, password };
  }

  it('a fresh start created the first administrator from SAEIL_ADMIN_PASSWORD, and recorded it', async () => {
    const principal = await me(adminToken).expect(200);
    expect(principal.body).toEqual({
      accountId: expect.any(String),
      username: 'admin',
      displayName: '관리자',
      role: 'administrator',
      provider: 'local',
    });
    const audit = await saeil.runtime.dataSource.query(
      `SELECT action, details FROM account_audit WHERE account_id = $1 AND action = 'account_created'`,
      [principal.body.accountId],
    );
    expect(audit).toEqual([
      { action: 'account_created', details: { username: 'admin', role: 'administrator', bootstrap: true } },
    ]);
  });

  it('an administrator creates a counselor: stored with an argon2id hash, shown without it, and she can log in', async () => {
    const created = await asAdmin('post', '/accounts')
      .send({
        username: 'kim.sangdam',
        displayName: '김상담',
        role: 'counselor',
        centerId: 'center-naju',
        password: 'naju-bay-2026-spring',
      })
      .expect(201);
    expect(created.body).toEqual({
      accountId: expect.any(String),
      username: 'kim.sangdam',
      displayName: '김상담',
      role: 'counselor',
      centerId: 'center-naju',
      disabled: false,
      createdAt: expect.any(String),
    });
    const [row] = await saeil.runtime.dataSource.query(`SELECT password_hash FROM accounts WHERE account_id = $1`, [
      created.body.accountId,
    ]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);

    const tokens = await login('kim.sangdam', 'naju-bay-2026-spring').expect(200);
    expect(tokens.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: expect.any(String),
      refreshExpiresIn: 1209600,
    });
    const principal = await me(tokens.body.accessToken).expect(200);
    expect(principal.body).toEqual({
      accountId: created.body.accountId,
      username: 'kim.sangdam',
      displayName: '김상담',
      role: 'counselor',
      centerId: 'center-naju',
      provider: 'local',
    });
  });

  it('refuses an account whose scope does not fit its role, a weak password and a taken user name, creating nothing', async () => {
    const before = await saeil.runtime.dataSource.query(`SELECT count(*)::int AS n FROM accounts`);
    const noCenter = await asAdmin('post', '/accounts')
      .send({ username: 'park.supervisor', role: 'supervisor', password: 'naju-bay-2026-summer' })
      .expect(400);
    expect(noCenter.body.error.fields).toEqual([
      expect.objectContaining({ field: 'centerId', code: 'requiredForRole' }),
    ]);
    const badRegion = await asAdmin('post', '/accounts')
      .send({ username: 'lee.region', role: 'regional_supervisor', region: '전남', password: 'naju-bay-2026-summer' })
      .expect(400);
    expect(badRegion.body.error.fields).toEqual([expect.objectContaining({ field: 'region', code: 'unknownRegion' })]);
    const weak = await asAdmin('post', '/accounts')
      .send({ username: 'choi.counselor', role: 'counselor', centerId: 'center-naju', password: 'short-pw' })
      .expect(400);
    expect(weak.body.error.fields).toEqual([expect.objectContaining({ field: 'password', code: 'passwordTooShort' })]);
    const unknownRole = await asAdmin('post', '/accounts')
      .send({ username: 'choi.counselor', role: 'superuser', password: 'naju-bay-2026-summer' })
      .expect(400);
    expect(unknownRole.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['role']);
    const taken = await asAdmin('post', '/accounts')
      .send({ username: 'admin', role: 'ministry_analyst', password: 'naju-bay-2026-summer' })
      .expect(422);
    expect(taken.body.error.code).toBe('USERNAME_TAKEN');
    const after = await saeil.runtime.dataSource.query(`SELECT count(*)::int AS n FROM accounts`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('a wrong password and an unknown user name get the same 401 INVALID_CREDENTIALS', async () => {
    const { username } = await createCounselor();
    const wrong = await login(username, 'not-her-password-1').expect(401);
    const unknown = await login('nobody-here', 'not-her-password-1').expect(401);
    expect(wrong.body).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: '사용자 이름 또는 비밀번호가 올바르지 않습니다.' },
    });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('after 5 failures for a user name from one address she waits 30 s there (429 with Retry-After, even with the right password), then gets in', async () => {
    const { username, password } = await createCounselor();
    for (let i = 1; i <= 5; i++) await login(username, `wrong-password-${i}`).expect(401);
    const waiting = await login(username, password).expect(429);
    expect(waiting.body.error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(25);
    expect(Number(waiting.headers['retry-after'])).toBeLessThanOrEqual(30);
    // The wait passes: its end is moved into the past rather than waiting.
    await saeil.runtime.dataSource.query(
      `UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE throttle_key LIKE $1`,
      [`pair:${username}|%`],
    );
    await login(username, password).expect(200);
    const rows = await saeil.runtime.dataSource.query(`SELECT 1 FROM login_throttle WHERE throttle_key LIKE $1`, [
      `pair:${username}|%`,
    ]);
    expect(rows).toEqual([]);
  });

  it('delays an unknown user name exactly like a real one, so the answers never tell whether an account exists', async () => {
    const answers: number[] = [];
    for (let i = 1; i <= 6; i++) answers.push((await login('ghost.account', `wrong-password-${i}`)).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('counts a burst of parallel wrong guesses one by one: 5 get 401, the other 5 are told to wait', async () => {
    const { username } = await createCounselor();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => login(username, `parallel-guess-${i}`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });

  it('two parallel refreshes with one token: one rotation, one reuse that ends the login', async () => {
    const { username, password } = await createCounselor();
    const tokens = (await login(username, password).expect(200)).body;
    const [a, b] = await Promise.all([refresh(tokens.refreshToken), refresh(tokens.refreshToken)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    const winner = a.status === 200 ? a : b;
    expect((a.status === 401 ? a : b).body.error.code).toBe('REFRESH_TOKEN_REUSED');
    await refresh(winner.body.refreshToken).expect(401);
  });

  it('an account id that is not a UUID is a 400 naming it on administration routes, an unknown one a 404', async () => {
    // Ids have one canonical form, checked at the edge before any lookup (the same rule as every record id).
    const malformed = (await asAdmin('post', '/accounts/not-a-uuid/disable').expect(400)).body.error;
    expect({ code: malformed.code, fields: (malformed.fields ?? []).map((f: { field: string }) => f.field) }).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['accountId'],
    });
    await asAdmin('post', '/accounts/00000000-0000-4000-8000-000000000000/enable').expect(404);
  });

  it('rotates refresh tokens: each use answers a new pair, and the new access token works', async () => {
    const { username, password, accountId } = await createCounselor();
    const first = (await login(username, password).expect(200)).body;
    const second = (await refresh(first.refreshToken).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.accessToken).expect(200)).body.accountId).toBe(accountId);
    const third = (await refresh(second.refreshToken).expect(200)).body;
    expect(third.refreshToken).not.toBe(second.refreshToken);
    const stored = await saeil.runtime.dataSource.query(
      `SELECT count(DISTINCT family_id)::int AS families, count(*)::int AS tokens, count(used_at)::int AS used FROM refresh_tokens WHERE account_id = $1`,
      [accountId],
    );
    expect(stored).toEqual([{ families: 1, tokens: 3, used: 2 }]);
  });

  it('a refresh token used twice revokes its whole family, and only that family', async () => {
    const { username, password } = await createCounselor();
    const stolen = (await login(username, password).expect(200)).body;
    const otherDevice = (await login(username, password).expect(200)).body;
    const rotated = (await refresh(stolen.refreshToken).expect(200)).body;

    const reused = await refresh(stolen.refreshToken).expect(401);
    expect(reused.body.error.code).toBe('REFRESH_TOKEN_REUSED');
    // The legitimate successor is dead too: whoever holds it must log in again.
    expect((await refresh(rotated.refreshToken).expect(401)).body.error.code).toBe('INVALID_REFRESH_TOKEN');
    // The other login (another family) is untouched.
    await refresh(otherDevice.refreshToken).expect(200);
    const audit = await saeil.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM account_audit WHERE action = 'refresh_token_reused'`,
    );
    expect(audit[0].n).toBeGreaterThanOrEqual(1);
  });

  it('logout revokes the refresh token (204), after which it is refused', async () => {
    const { username, password } = await createCounselor();
    const tokens = (await login(username, password).expect(200)).body;
    await request(saeil.url).post('/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    expect((await refresh(tokens.refreshToken).expect(401)).body.error.code).toBe('INVALID_REFRESH_TOKEN');
    // An unknown token gets the same 204: logout tells nothing.
    await request(saeil.url).post('/auth/logout').send({ refreshToken: 'no-such-token' }).expect(204);
  });

  /** The `saeil_refresh` cookie a Set-Cookie header sets (value and attributes), or undefined. */
  const refreshCookie = (res: request.Response): { value: string; attributes: string[] } | undefined => {
    const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('saeil_refresh='));
    if (!header) return undefined;
    const [pair, ...attributes] = header.split(';').map((p) => p.trim());
    return { value: pair.slice('saeil_refresh='.length), attributes: attributes.map((a) => a.toLowerCase()) };
  };

  it('cookie mode (the web app): the refresh token rides only in an httpOnly, SameSite=Strict cookie; refresh rotates it, reuse ends the login, logout clears it', async () => {
    const { username, password } = await createCounselor();
    const loggedIn = await request(saeil.url)
      .post('/auth/login')
      .send({ username, password, cookie: true })
      .expect(200);
    expect(loggedIn.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshExpiresIn: 1209600,
    });
    const first = refreshCookie(loggedIn)!;
    expect(first.value).toMatch(/^\S{20,}$/);
    expect(first.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/auth']));
    expect(first.attributes.find((a) => a.startsWith('max-age='))).toBe('max-age=1209600');
    // Over plain HTTP (no proxy saying https) it is not marked Secure, or the browser would drop it.
    expect(first.attributes).not.toContain('secure');

    // No token in the body: the cookie is read, the answer has a new access token and a new cookie.
    const refreshed = await request(saeil.url)
      .post('/auth/refresh')
      .set('Cookie', `other=1; saeil_refresh=${first.value}`)
      .send({ cookie: true })
      .expect(200);
    expect(refreshed.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshExpiresIn: 1209600,
    });
    await me(refreshed.body.accessToken).expect(200);
    const second = refreshCookie(refreshed)!;
    expect(second.value).not.toBe(first.value);

    // The old cookie again (a stolen copy): the whole login ends, and the answer clears the cookie.
    const reused = await request(saeil.url)
      .post('/auth/refresh')
      .set('Cookie', `saeil_refresh=${first.value}`)
      .send({ cookie: true })
      .expect(401);
    expect(reused.body.error.code).toBe('REFRESH_TOKEN_REUSED');
    expect(refreshCookie(reused)?.value).toBe('');
    expect(
      (
        await request(saeil.url)
          .post('/auth/refresh')
          .set('Cookie', `saeil_refresh=${second.value}`)
          .send({ cookie: true })
          .expect(401)
      ).body.error.code,
    ).toBe('INVALID_REFRESH_TOKEN');

    // Without a cookie: 401, not a validation error about a missing body field.
    expect((await request(saeil.url).post('/auth/refresh').send({ cookie: true }).expect(401)).body.error.code).toBe(
      'INVALID_REFRESH_TOKEN',
    );
    // Neither a cookie flag nor a token: the body is invalid, as before.
    expect((await request(saeil.url).post('/auth/refresh').send({}).expect(400)).body.error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'refreshToken' })]),
    );
    expect(
      (await request(saeil.url).post('/auth/refresh').send({ cookie: 'yes' }).expect(400)).body.error.fields,
    ).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'cookie' })]));

    // Logout with the cookie revokes its login and clears it.
    const again = refreshCookie(
      await request(saeil.url).post('/auth/login').send({ username, password, cookie: true }).expect(200),
    )!;
    const loggedOut = await request(saeil.url)
      .post('/auth/logout')
      .set('Cookie', `saeil_refresh=${again.value}`)
      .send({ cookie: true })
      .expect(204);
    expect(refreshCookie(loggedOut)?.value).toBe('');
    await request(saeil.url)
      .post('/auth/refresh')
      .set('Cookie', `saeil_refresh=${again.value}`)
      .send({ cookie: true })
      .expect(401);
    // And the JSON mode is untouched: no cookie is set when it is not asked for.
    const json = await login(username, password).expect(200);
    expect(json.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookie(json)).toBeUndefined();
  });

  it('a disabled account is refused at its very next request with a still-valid access token, and can no longer refresh or log in', async () => {
    const { username, password, accountId } = await createCounselor();
    const tokens = (await login(username, password).expect(200)).body;
    await me(tokens.accessToken).expect(200);

    const disabled = await asAdmin('post', `/accounts/${accountId}/disable`).expect(200);
    expect(disabled.body.disabled).toBe(true);

    const refused = await me(tokens.accessToken).expect(401);
    expect(refused.body.error.code).toBe('TOKEN_REVOKED');
    expect((await refresh(tokens.refreshToken).expect(401)).body.error.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await login(username, password).expect(401)).body.error.code).toBe('INVALID_CREDENTIALS');

    await asAdmin('post', `/accounts/${accountId}/enable`).expect(200);
    await login(username, password).expect(200);
    // The token issued before the disable stays dead: enabling does not bring old sessions back.
    await me(tokens.accessToken).expect(401);
  });

  it('a password reset by an administrator ends her sessions; the old password stops working, the new one works', async () => {
    const { username, password, accountId } = await createCounselor();
    const tokens = (await login(username, password).expect(200)).body;
    const weak = await asAdmin('post', `/accounts/${accountId}/password-reset`)
      .send({ newPassword: `${username}-2026` })
      .expect(400);
    expect(weak.body.error.fields).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'passwordContainsUsername' }),
    ]);
    await me(tokens.accessToken).expect(200);

    await asAdmin('post', `/accounts/${accountId}/password-reset`)
      .send({ newPassword: 'mokpo-harbor-autumn' })
      .expect(200);
    await me(tokens.accessToken).expect(401);
    await refresh(tokens.refreshToken).expect(401);
    await login(username, password).expect(401);
    await login(username, 'mokpo-harbor-autumn').expect(200);
  });

  it('she changes her own password: the current one is checked like a login, and every session of hers ends', async () => {
    const { username, password } = await createCounselor();
    const tokens = (await login(username, password).expect(200)).body;
    const change = (body: object) =>
      request(saeil.url).post('/auth/password').set('Authorization', `Bearer ${tokens.accessToken}`).send(body);

    const weak = await change({ currentPassword: password, newPassword: 'short' }).expect(400);
    expect(weak.body.error.fields).toEqual([
      expect.objectContaining({ field: 'newPassword', code: 'passwordTooShort' }),
    ]);
    expect(
      (await change({ currentPassword: 'not-my-password-1', newPassword: 'yeosu-night-sea-2026' }).expect(401)).body
        .error.code,
    ).toBe('INVALID_CREDENTIALS');
    // Counted for her user name at this address (where she has logged in, so only that pair counts).
    const failures = await saeil.runtime.dataSource.query(
      `SELECT failures FROM login_throttle WHERE throttle_key LIKE $1`,
      [`pair:${username}|%`],
    );
    expect(failures).toEqual([{ failures: 1 }]);

    await change({ currentPassword: password, newPassword: 'yeosu-night-sea-2026' }).expect(204);
    await me(tokens.accessToken).expect(401);
    await refresh(tokens.refreshToken).expect(401);
    await login(username, password).expect(401);
    await login(username, 'yeosu-night-sea-2026').expect(200);
  });

  it('housekeeping deletes refresh tokens a day past expiry, throttle rows forgotten (a day) and no longer delaying, known addresses after 90 days, and nothing else', async () => {
    const { accountId } = await createCounselor();
    const db = saeil.runtime.dataSource;
    await db.query(
      `INSERT INTO refresh_tokens (token_hash, family_id, account_id, expires_at) VALUES
         ('\\x01', gen_random_uuid(), $1, now() - interval '25 hours'),
         ('\\x02', gen_random_uuid(), $1, now() - interval '23 hours'),
         ('\\x03', gen_random_uuid(), $1, now() + interval '1 hour')`,
      [accountId],
    );
    await db.query(
      `INSERT INTO login_throttle (throttle_key, failures, window_started_at, locked_until) VALUES
         ('user:hk-stale', 2, now() - interval '25 hours', NULL),
         ('user:hk-counting', 2, now() - interval '23 hours', NULL),
         ('user:hk-locked', 9, now() - interval '25 hours', now() + interval '5 minutes'),
         ('user:hk-lock-over', 9, now() - interval '25 hours', now() - interval '1 minute')`,
    );
    await db.query(
      `INSERT INTO login_known_addresses (username, source_address, last_success_at) VALUES
         ('hk-known-old', '198.51.100.1', now() - interval '91 days'), ('hk-known-recent', '198.51.100.1', now() - interval '89 days')`,
    );
    await identityHousekeepingJob.run({
      config: saeil.config,
      store: saeil.runtime.store,
      dataSource: db,
      clock: saeil.runtime.clock,
      logger: saeil.runtime.logger,
    });
    const tokens = await db.query(
      `SELECT encode(token_hash, 'hex') AS hash FROM refresh_tokens WHERE account_id = $1 ORDER BY 1`,
      [accountId],
    );
    expect(tokens).toEqual([{ hash: '02' }, { hash: '03' }]);
    const throttle = await db.query(
      `SELECT throttle_key FROM login_throttle WHERE throttle_key LIKE 'user:hk-%' ORDER BY 1`,
    );
    expect(throttle).toEqual([{ throttle_key: 'user:hk-counting' }, { throttle_key: 'user:hk-locked' }]);
    const known = await db.query(`SELECT username FROM login_known_addresses WHERE username LIKE 'hk-known-%'`);
    expect(known).toEqual([{ username: 'hk-known-recent' }]);
  });

  it('account administration refuses a counselor (403 ACCESS_DENIED) and a request without a token (401), changing nothing', async () => {
    const { username, password, accountId } = await createCounselor();
    const counselorToken = (await login(username, password).expect(200)).body.accessToken;
    const asCounselor = (method: 'get' | 'post', path: string) =>
      request(saeil.url)[method](path).set('Authorization', `Bearer ${counselorToken}`);

    expect((await asCounselor('get', '/accounts').expect(403)).body.error.code).toBe('ACCESS_DENIED');
    await asCounselor('post', '/accounts')
      .send({ username: 'sneaky.admin', role: 'administrator', password: 'naju-bay-2026-winter' })
      .expect(403);
    await asCounselor('post', `/accounts/${accountId}/password-reset`)
      .send({ newPassword: 'naju-bay-2026-winter' })
      .expect(403);

    const anonymous = await request(saeil.url).get('/accounts').expect(401);
    expect(anonymous.body.error.code).toBe('AUTHENTICATION_REQUIRED');
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    await request(saeil.url).post(`/accounts/${accountId}/disable`).expect(401);
    await request(saeil.url).get('/auth/me').expect(401);

    const sneaky = await saeil.runtime.dataSource.query(`SELECT 1 FROM accounts WHERE username = 'sneaky.admin'`);
    expect(sneaky).toEqual([]);
    await login(username, password).expect(200);
  });

  it('refuses forged access tokens: another key, the "none" algorithm, garbage', async () => {
    const { accountId } = (await me(adminToken).expect(200)).body;
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = { sub: accountId, ver: 1, iss: 'saeil', aud: 'saeil-api', exp: Math.floor(Date.now() / 1000) + 600 };
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
    const otherKey = `${unsigned}.${createHmac('sha256', 'x'.repeat(48)).update(unsigned).digest('base64url')}`;
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    for (const token of [otherKey, none, 'garbage']) {
      const answer = await request(saeil.url).get('/accounts').set('Authorization', `Bearer ${token}`).expect(401);
      expect(answer.body.error.code).toBe('INVALID_TOKEN');
    }
  });

  it('signs with a key generated once and kept in an owner-only file outside the database when JWT_SECRET is unset (outside production)', async () => {
    const file = path.join(saeil.config.SAEIL_DATA_DIR, 'keys', 'jwt-signing.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, 'utf8').trim();
    expect(secret.length).toBeGreaterThanOrEqual(64);
    expect(await saeil.runtime.dataSource.query(`SELECT to_regclass('identity_generated_secrets') AS t`)).toEqual([
      { t: null },
    ]);
  });

  it('an installation that kept its generated signing key in the database has it moved to the file, and the table dropped', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'saeil-keys-'));
    const legacy = randomBytes(48).toString('base64url');
    await saeil.runtime.dataSource.query(
      `CREATE TABLE identity_generated_secrets (name text PRIMARY KEY, secret text NOT NULL)`,
    );
    await saeil.runtime.dataSource.query(`INSERT INTO identity_generated_secrets VALUES ('jwt', $1)`, [legacy]);
    expect(
      await resolveSigningSecret(
        undefined,
        'development',
        saeil.runtime.dataSource,
        { warn: () => undefined },
        dataDir,
      ),
    ).toBe(legacy);
    expect(readFileSync(path.join(dataDir, 'keys', 'jwt-signing.key'), 'utf8').trim()).toBe(legacy);
    expect(await saeil.runtime.dataSource.query(`SELECT to_regclass('identity_generated_secrets') AS t`)).toEqual([
      { t: null },
    ]);
  });
});

describe('identity: throttling by user name and address, so that nobody can lock her out (issue 13, finding 11)', () => {
  let saeil: TestSaeil;
  const ADMIN = 'naju-lighthouse-2026';
  /** A login from `address` as the proxy forwards it (TRUST_PROXY=loopback); `forged` entries are what the caller put in front. */
  const loginFrom = (address: string, username: string, password: string, forged: string[] = []) =>
    request(saeil.url)
      .post('/auth/login')
      .set('X-Forwarded-For', [...forged, address].join(', '))
      .send({ username, password });
  const newAccount = async (username: string, password: string) => {
    const token = (await loginFrom('192.0.2.250', 'admin', ADMIN).expect(200)).body.accessToken;
    await request(saeil.url)
      .post('/accounts')
      .set('Authorization', `Bearer ${token}`)
      .send({ username, role: 'counselor', centerId: 'center-naju', password })
      .expect(201);
  };
  const pass = (status: number) => status === 401 || status === 429;

  beforeAll(async () => {
    saeil = await startTestSaeil({
      label: 'identity-address',
      kafka: false,
      worker: false,
      env: {
        TRUST_PROXY: 'loopback',
        SAEIL_ADMIN_PASSWORD: ADMIN,
        LOGIN_MAX_FAILURES_PER_ADDRESS: '10',
        LOGIN_MAX_FAILURES_PER_USERNAME: '20',
        JWT_SECRET: 'a-configured-secret-of-at-least-32-characters',
      },
    });
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  it('an attacker failing again and again from address A does not keep her out at address B, nor the administrator', async () => {
    await newAccount('kim.b', 'her-own-password-2026');
    for (const victim of ['kim.b', 'admin']) {
      const attacker = await Promise.all(
        Array.from({ length: 15 }, (_, i) => loginFrom('203.0.113.66', victim, `guess-${i}-wrong`)),
      );
      expect(attacker.every((a) => pass(a.status))).toBe(true);
      expect(attacker.filter((a) => a.status === 429).length).toBeGreaterThan(0);
    }
    await loginFrom('198.51.100.20', 'kim.b', 'her-own-password-2026').expect(200);
    await loginFrom('198.51.100.21', 'admin', ADMIN).expect(200);
  });

  it('from A itself every failure past the fifth doubles the wait: 30, 60, 120, 240 s; forged X-Forwarded-For entries do not give a fresh address', async () => {
    await newAccount('kim.a', 'her-own-password-2027');
    const attacker = '203.0.113.70';
    for (let i = 1; i <= 4; i++) await loginFrom(attacker, 'kim.a', `wrong-${i}-password`, [`10.0.0.${i}`]).expect(401);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      await loginFrom(attacker, 'kim.a', `wrong-round-${round}`, [`10.1.${round}.1`]).expect(401);
      // Told to wait, whatever address he claims to forward for.
      const told = await loginFrom(attacker, 'kim.a', 'her-own-password-2027', [`10.2.${round}.9`]).expect(429);
      waits.push(Number(told.headers['retry-after']));
      // The wait passes (moved into the past rather than waited for).
      await saeil.runtime.dataSource.query(
        `UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE throttle_key = $1`,
        [`pair:kim.a|${attacker}`],
      );
    }
    expect(waits.map((w) => Math.ceil(w / 30) * 30)).toEqual([30, 60, 120, 240]);
  });

  it('the ceiling per address stops spraying over many user names; a user name at an address she has logged in from is not held back by it', async () => {
    await newAccount('park.office', 'office-password-2026');
    const office = '198.51.100.77';
    await loginFrom(office, 'park.office', 'office-password-2026').expect(200); // her office: known from now on
    const spray = [];
    for (let i = 0; i < 12; i++) spray.push((await loginFrom(office, `sprayed-name-${i}`, 'Spring2026!spray')).status);
    expect(spray.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(spray.slice(10)).toEqual([429, 429]);
    const refused = await loginFrom(office, 'admin', ADMIN).expect(429);
    expect(refused.body.error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await loginFrom(office, 'park.office', 'office-password-2026').expect(200);
  });

  it('the ceiling per user name slows guessing from many addresses; from her known address she still gets in', async () => {
    await newAccount('lee.known', 'known-address-password');
    await loginFrom('198.51.100.90', 'lee.known', 'known-address-password').expect(200);
    for (let i = 0; i < 20; i++)
      expect(pass((await loginFrom(`203.0.113.${100 + i}`, 'lee.known', `guess-${i}-from-far`)).status)).toBe(true);
    await loginFrom('203.0.113.200', 'lee.known', 'known-address-password').expect(429); // a fresh address
    await loginFrom('198.51.100.90', 'lee.known', 'known-address-password').expect(200); // hers
  });

  it('a configured JWT_SECRET is used: nothing is generated', async () => {
    const rows = await saeil.runtime.dataSource.query(`SELECT 1 FROM identity_generated_secrets`);
    expect(rows).toEqual([]);
  });
});
