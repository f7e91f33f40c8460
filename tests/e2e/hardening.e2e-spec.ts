import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { EXPENSIVE_READS, isExpensiveRead } from '@saeil/app/hardening/expensive-reads.throttle';
import { countEvents, newClient, registerClient, startTestSaeil, TestSaeil } from '../support/app';
import { Api, api, counselorAccount, counselorOf, MINISTRY_ANALYST, supervisorOf } from '../support/auth';

const LISTED = 'https://saeil.example.kr';
const UNLISTED = 'https://evil.example.com';
const LIMIT = 3;
const STACK_OR_SQL = /\n\s+at |SELECT |FROM |rm_[a-z_]+|QueryFailedError|<html|Express/i;

/** What a careless deployment would leak or allow, asked of the real application over HTTP (issue 5, "Hardening"). */
describe('hardening', () => {
  let saeil: TestSaeil;
  /** Each protected route is called as the one who would call it: a counselor, her supervisor, the Ministry analyst. */
  let counselor: Api;
  let supervisor: Api;
  let analyst: Api;
  /** The counselor registrations name (an account of center-naju). */
  let kim: string;

  beforeAll(async () => {
    saeil = await startTestSaeil({
      label: 'hardening',
      kafka: false,
      worker: false,
      env: {
        CORS_ORIGINS: `${LISTED}, http://localhost:5173`,
        RATE_LIMIT_EXPENSIVE_PER_MINUTE: String(LIMIT),
        HTTP_BODY_LIMIT: '16kb',
      },
    });
    [counselor, supervisor, analyst] = await Promise.all([
      api(saeil, counselorOf('center-naju')),
      api(saeil, supervisorOf('center-naju')),
      api(saeil, MINISTRY_ANALYST),
    ]);
    kim = await counselorAccount(saeil, 'center-naju');
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  it('sends the security headers and no framework banner, on answers and on errors alike', async () => {
    for (const path of ['/health', '/no-such-route']) {
      const response = await request(saeil.url).get(path);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const csp = response.headers['content-security-policy'];
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('answers an unknown route with the JSON error body, nothing else', async () => {
    const response = await request(saeil.url).get('/no-such-route').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect(response.text).not.toMatch(STACK_OR_SQL);
  });

  it('lets a listed origin call cross-origin and gives any other origin no Access-Control-Allow-Origin', async () => {
    const preflight = (origin: string) =>
      request(saeil.url)
        .options('/clients')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');

    const allowed = await preflight(LISTED).expect(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(LISTED);
    expect(allowed.headers['access-control-allow-methods']).toContain('POST');
    expect(allowed.headers['access-control-allow-headers']).toBe('authorization,content-type');
    expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();

    const refused = await preflight(UNLISTED);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();

    const read = await request(saeil.url).get('/health').set('Origin', LISTED).expect(200);
    expect(read.headers['access-control-allow-origin']).toBe(LISTED);
    expect(read.headers['access-control-expose-headers']).toContain('x-correlation-id');
    const foreignRead = await request(saeil.url).get('/health').set('Origin', UNLISTED).expect(200);
    expect(foreignRead.headers['access-control-allow-origin']).toBeUndefined();

    // A protected route read cross-origin with her token (not an expensive read: the limit is counted below): listed origin only.
    const own = await counselor.get('/auth/me').set('Origin', LISTED).expect(200);
    expect(own.headers['access-control-allow-origin']).toBe(LISTED);
    const foreignOwn = await counselor.get('/auth/me').set('Origin', UNLISTED).expect(200);
    expect(foreignOwn.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('with CORS_ORIGINS unset (the default) gives no origin cross-origin access', async () => {
    const sameOriginOnly = await startTestSaeil({
      label: 'hardening_default',
      kafka: false,
      worker: false,
      db: saeil.db,
    });
    try {
      for (const origin of [LISTED, UNLISTED]) {
        const preflight = await request(sameOriginOnly.url)
          .options('/clients')
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST');
        expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
        const read = await request(sameOriginOnly.url).get('/health').set('Origin', origin).expect(200);
        expect(read.headers['access-control-allow-origin']).toBeUndefined();
      }
    } finally {
      await sameOriginOnly.stop();
    }
  });

  it('refuses a body over HTTP_BODY_LIMIT with 413 and the JSON error body, appending nothing; one under it is read', async () => {
    const before = await countEvents(saeil);
    const registration = {
      name: '김하나',
      birthDate: '1985-04-02',
      phone: '010-1234-5678',
      centerId: 'center-naju',
      counselorId: kim,
      region: '전라남도',
    };
    const oversized = await counselor.post('/clients').send({ ...registration, note: 'ㄱ'.repeat(6000) }); // 18,000 bytes in UTF-8 > 16kb
    expect(oversized.status).toBe(413);
    expect(oversized.headers['content-type']).toMatch(/^application\/json/);
    expect(oversized.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
    expect(oversized.text).not.toMatch(STACK_OR_SQL);

    // 15,000 bytes: parsed, then refused by validation for the unknown field, not by size.
    const underLimit = await counselor.post('/clients').send({ ...registration, note: 'ㄱ'.repeat(5000) });
    expect(underLimit.status).toBe(400);
    expect(underLimit.body.error.code).toBe('VALIDATION_FAILED');
    expect(await countEvents(saeil)).toBe(before);
  });

  it('answers an internal failure with a generic 500: no stack trace, no SQL, no table name', async () => {
    const clientId = await registerClient(saeil, 4101);
    // A read model gone missing makes the query fail inside PostgreSQL, as a defect would.
    await saeil.runtime.dataSource.query('ALTER TABLE rm_timeline RENAME TO rm_timeline_hidden');
    try {
      const response = await counselor.get(`/cases/${clientId}/timeline`);
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ error: { code: 'INTERNAL_ERROR', message: expect.any(String) } });
      expect(response.text).not.toMatch(STACK_OR_SQL);
    } finally {
      await saeil.runtime.dataSource.query('ALTER TABLE rm_timeline_hidden RENAME TO rm_timeline');
    }
    await counselor.get(`/cases/${clientId}/timeline`).expect(200);
  });

  it('answers a command without a valid token with 401, the JSON error body and WWW-Authenticate: Bearer, appending nothing', async () => {
    const before = await countEvents(saeil);
    const tampered = `${counselor.token.slice(0, -10)}${counselor.token.at(-10) === 'A' ? 'B' : 'A'}${counselor.token.slice(-9)}`;
    const attempts = [
      request(saeil.url).post('/clients').send(newClient(4201, kim)), // no Authorization header at all
      request(saeil.url).post('/clients').set('Authorization', 'Basic YWRtaW46YWRtaW4=').send(newClient(4202, kim)), // not a bearer token
      request(saeil.url).post('/clients').set('Authorization', `Bearer ${tampered}`).send(newClient(4203, kim)), // a token tampered with
      request(saeil.url)
        .post(`/clients/00000000-0000-4000-8000-000000000000/counseling-sessions`)
        .send({ channel: 'phone', topic: '상담', durationMinutes: 10, occurredOn: '2026-03-02' }),
    ];
    for (const attempt of attempts) {
      const response = await attempt;
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      expect(response.text).not.toMatch(STACK_OR_SQL);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(await countEvents(saeil)).toBe(before);
  });

  it(`limits each expensive read to RATE_LIMIT_EXPENSIVE_PER_MINUTE (${LIMIT}) per address: then 429 with Retry-After; other routes still answer`, async () => {
    const statistics = () => analyst.get('/statistics/centers').query({ level: 'nation' });
    for (let i = 1; i <= LIMIT; i++) {
      const response = await statistics().expect(200);
      expect(response.headers['x-ratelimit-remaining']).toBe(String(LIMIT - i));
    }
    const refused = await statistics();
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(refused.body).toEqual({
      error: { code: 'TOO_MANY_REQUESTS', message: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.' },
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The query string is no way around it: the route is what counts.
    expect((await analyst.get('/statistics/centers').query({ level: 'region', id: '전라남도' })).status).toBe(429);

    // Not an expensive read: never limited, even right after.
    await request(saeil.url).get('/health').expect(200);
    for (let i = 0; i < LIMIT + 2; i++) expect((await request(saeil.url).get('/no-such-route')).status).toBe(404);
  });

  it('counts the caseload search, the Ministry report preview and the KPI achievement each on its own', async () => {
    const reads = [
      () => counselor.get('/caseload').query({ counselorId: kim }),
      () => analyst.get('/ministry-reports/nation/2026-H1'),
      () => supervisor.get('/kpi-plans/00000000-0000-4000-8000-000000000000/achievement'),
    ];
    for (const read of reads) {
      const statuses: number[] = [];
      for (let i = 0; i <= LIMIT; i++) statuses.push((await read()).status);
      expect(statuses.slice(0, LIMIT)).not.toContain(429);
      expect(statuses[LIMIT]).toBe(429);
    }
  });

  it('has every expensive-read pattern match a GET route the application serves (a renamed route must not lose its limit silently)', async () => {
    const document = await request(saeil.url).get('/docs/openapi.json').expect(200);
    const getRoutes = Object.entries(document.body.paths as Record<string, Record<string, unknown>>)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path.replace(/\{(\w+)\}/g, ':$1'));
    for (const pattern of EXPENSIVE_READS)
      expect({
        pattern: String(pattern),
        matches: getRoutes.filter((route) => pattern.test(route)).length > 0,
      }).toEqual({ pattern: String(pattern), matches: true });
    expect(getRoutes.filter((route) => isExpensiveRead('GET', route)).sort()).toEqual(
      expect.arrayContaining([
        '/caseload',
        '/follow-ups/queue',
        '/kpi-plans/:planId/achievement',
        '/ministry-reports/:level/:period',
        '/statistics/employment',
        '/statistics/retention',
      ]),
    );
    expect(isExpensiveRead('GET', '/clients/:clientId/placements')).toBe(false);
    expect(isExpensiveRead('POST', '/ministry-reports/:level/:period/submissions')).toBe(false);
  });

  it('still serves Swagger UI at /docs under the content security policy', async () => {
    const page = await request(saeil.url).get('/docs').redirects(1).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp: string = page.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    // The policy allows only same-origin scripts: the page must have no inline script and load every asset from here.
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="/);
      expect(body.trim()).toBe('');
    }
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map(([, src]) => src);
    expect(assets).toEqual(
      expect.arrayContaining([
        expect.stringContaining('swagger-ui-bundle.js'),
        expect.stringContaining('swagger-ui-init.js'),
        expect.stringContaining('swagger-ui.css'),
      ]),
    );
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      // Resolved as the browser does, against the page's address (/docs, no trailing slash).
      const served = await request(saeil.url)
        .get(new URL(asset, `${saeil.url}/docs`).pathname)
        .expect(200);
      expect(served.headers['content-type']).toMatch(asset.endsWith('.css') ? /^text\/css/ : /javascript/);
    }
    const document = await request(saeil.url).get('/docs/openapi.json').expect(200);
    expect(Object.keys(document.body.paths)).toContain('/statistics/centers');
  });

  it('serves the OpenAPI document at /docs-json too (the Nest convention), the same as docs/openapi.json, with the bearer scheme Swagger UI authorizes with', async () => {
    const nest = await request(saeil.url).get('/docs-json').expect(200);
    expect(nest.headers['content-type']).toMatch(/^application\/json/);
    const served = await request(saeil.url).get('/docs/openapi.json').expect(200);
    expect(nest.body).toEqual(served.body);
    // What the running app serves is what is committed for the web app's client generator.
    expect(nest.body).toEqual(JSON.parse(readFileSync(path.resolve(__dirname, '../../docs/openapi.json'), 'utf8')));
    expect(nest.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(nest.body.paths['/caseload'].get.security).toEqual([{ bearer: [] }]);
    expect(nest.body.paths['/auth/login'].post.security).toBeUndefined();
    // Swagger UI keeps the token across reloads and sends it on "Try it out".
    const init = await request(saeil.url).get('/docs/swagger-ui-init.js').expect(200);
    expect(init.text).toMatch(/"persistAuthorization": *true/);
  });
});
