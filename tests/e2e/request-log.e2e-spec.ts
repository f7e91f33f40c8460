import { PassThrough } from 'node:stream';
import { newClient, registerClient, startTestSaeil, TestSaeil } from '../support/app';
import { api, counselorOf } from '../support/auth';

/**
 * The request log (pino-http, one line per request at info) is kept and shipped like any log:
 * it must not hold what identifies her. A caseload search names her whole name or phone; the
 * log keeps that a search was made, as the access log does, and never a bearer token.
 */
describe('the request log', () => {
  let saeil: TestSaeil;
  let logged = '';

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    saeil = await startTestSaeil({ label: 'request-log', kafka: false, worker: false, env: { LOG_LEVEL: 'info' }, logStream: stream });
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  it('logs a caseload search without the name or phone searched for, and without the token', async () => {
    await registerClient(saeil, 4242);
    const her = newClient(4242);
    const counselor = await api(saeil, counselorOf('center-naju'));
    await counselor.get('/caseload').query({ centerId: 'center-naju', q: her.name }).expect(200);
    await counselor.get('/caseload').query({ centerId: 'center-naju', q: her.phone }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const searches = logged.split('\n').filter((line) => line.includes('/caseload'));
    expect(searches.length).toBeGreaterThanOrEqual(2); // the lines are there to be read
    expect(searches.join('\n')).toContain('q=(redacted)');
    expect(logged).not.toContain(her.name);
    expect(logged).not.toContain(encodeURIComponent(her.name));
    expect(logged).not.toContain(her.phone);
    expect(logged).not.toContain(counselor.token);
  });
});
