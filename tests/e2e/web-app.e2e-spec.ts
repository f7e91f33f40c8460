import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestSaeil, TestSaeil } from '../support/app';
import { TEST_METRICS_TOKEN } from '../support/auth';

const BUILT = path.resolve(__dirname, '../../dist/web');

/**
 * The counselor's web app as the api serves it (issue 14): under /app/, beside API routes that
 * keep their paths. Needs the built app (`npm run build`, which `npm test` runs first).
 */
describe('the web app served by the api under /app/', () => {
  let saeil: TestSaeil;
  let script: string;

  beforeAll(async () => {
    if (!existsSync(path.join(BUILT, 'index.html')))
      throw new Error(`no built web app in ${BUILT}: run npm run build first`);
    script = readdirSync(path.join(BUILT, 'assets')).find((f) => f.endsWith('.js'))!;
    saeil = await startTestSaeil({ label: 'web_app', kafka: false, worker: false });
  });
  afterAll(async () => saeil?.dispose());

  it('/ and /app redirect to /app/, which is the app (index.html, asked again every time) under the same CSP', async () => {
    expect((await request(saeil.url).get('/').expect(302)).headers.location).toBe('/app/');
    expect((await request(saeil.url).get('/app').expect(301)).headers.location).toBe('/app/');
    const index = await request(saeil.url).get('/app/').expect(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.text).toBe(readFileSync(path.join(BUILT, 'index.html'), 'utf8'));
    expect(index.headers['cache-control']).toBe('no-cache');
    // helmet's policy stays on: only this origin's scripts, no inline script.
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it.each([
    '/app/cases',
    '/app/cases/6f1c2b9e-0000-4000-8000-000000000000',
    '/app/login?redirect=%2Fcases',
    '/app/no/such/screen',
  ])('an app path the server does not know (%s) answers the app, whose router reads it', async (url) => {
    const answer = await request(saeil.url).get(url).expect(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.text).toContain('<div id="root">');
  });

  it('a hashed asset is served immutable; a missing one is a JSON 404, never index.html', async () => {
    const asset = await request(saeil.url).get(`/app/assets/${script}`).expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const missing of ['/app/assets/index-missing.js', '/app/assets/fonts/none.woff2', '/app/assets/']) {
      const answer = await request(saeil.url).get(missing).expect(404);
      expect({ missing, type: answer.headers['content-type'] }).toEqual({
        missing,
        type: expect.stringMatching(/^application\/json/),
      });
    }
  });

  it("the app's files travel compressed to a browser that accepts it; API answers never do (their length could tell a secret, BREACH)", async () => {
    // The largest script (the smallest may be under the 1 KB below which nothing is compressed).
    const largest = readdirSync(path.join(BUILT, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .sort((a, b) => statSync(path.join(BUILT, 'assets', b)).size - statSync(path.join(BUILT, 'assets', a)).size)[0];
    const asset = await request(saeil.url)
      .get(`/app/assets/${largest}`)
      .set('Accept-Encoding', 'gzip, deflate')
      .expect(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    // Brotli, smaller still, to a browser that takes it (every current one does over HTTPS and on localhost).
    expect(
      (await request(saeil.url).get(`/app/assets/${largest}`).set('Accept-Encoding', 'gzip, deflate, br').expect(200))
        .headers['content-encoding'],
    ).toBe('br');
    expect(asset.headers['vary']).toMatch(/Accept-Encoding/i);
    const plain = await request(saeil.url).get(`/app/assets/${largest}`).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(asset.text).toBe(plain.text); // the same script, decoded
    // The API's documentation has no secret in it: it travels compressed too.
    expect(
      (await request(saeil.url).get('/docs/openapi.json').set('Accept-Encoding', 'gzip').expect(200)).headers[
        'content-encoding'
      ],
    ).toBe('gzip');
    // An API answer large enough to be worth compressing (the metrics, well over the 1 KB
    // threshold), and error answers, stay as they are.
    const metrics = await request(saeil.url)
      .get('/metrics')
      .set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`)
      .set('Accept-Encoding', 'gzip, deflate, br')
      .expect(200);
    expect(metrics.text.length).toBeGreaterThan(1024);
    expect(metrics.headers['content-encoding']).toBeUndefined();
    for (const route of ['/caseload', '/no-such-route']) {
      const answer = await request(saeil.url).get(route).set('Accept-Encoding', 'gzip, deflate, br');
      expect({ route, encoding: answer.headers['content-encoding'] }).toEqual({ route, encoding: undefined });
    }
  });

  it('API routes keep their paths and answers beside it', async () => {
    expect((await request(saeil.url).get('/caseload').expect(401)).body.error.code).toBe('AUTHENTICATION_REQUIRED');
    await request(saeil.url).get('/health').expect(200);
    expect((await request(saeil.url).get('/no-such-route').expect(404)).headers['content-type']).toMatch(
      /^application\/json/,
    );
  });
});
