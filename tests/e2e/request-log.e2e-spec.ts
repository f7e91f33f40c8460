import { PassThrough } from 'node:stream';
import request from 'supertest';
import { newClient, registerClient, startTestSaeil, TestSaeil } from '../support/app';
import { accountIdOf, api, counselorAccount, counselorOf, supervisorOf } from '../support/auth';

/** Every key a request line may have (pino's own, ours); an error line adds `err`. */
const LINE_KEYS = [
  'level',
  'time',
  'service',
  'correlationId',
  'method',
  'route',
  'path',
  'account',
  'res',
  'durationMs',
  'msg',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Sent on every request below, so a line that kept the request's headers would show it. */
const USER_AGENT = 'saeil-request-log-probe/1.0 (header-must-not-be-logged)';

/**
 * The request log (pino-http, one line per request at info) is kept and shipped like any log:
 * it says who asked what and how it went — method, route and path, status, duration, account
 * (id and role) and correlation id — in a few hundred bytes, and holds nothing that identifies
 * her. A caseload search names her whole name or phone; the log keeps that a search was made, as
 * the access log does, and never a bearer token or any other header.
 */
describe('the request log', () => {
  let saeil: TestSaeil;
  let logged = '';

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (logged += chunk.toString()));
    saeil = await startTestSaeil({
      label: 'request-log',
      kafka: false,
      worker: false,
      env: { LOG_LEVEL: 'info' },
      logStream: stream,
    });
  });

  afterAll(async () => {
    await saeil?.dispose();
  });

  /** The one line the request with this correlation id left when it was answered (pino-http writes it on finish). */
  async function lineOf(correlationId: string): Promise<{ raw: string; line: Record<string, unknown> }> {
    for (let waited = 0; waited < 2000; waited += 50) {
      const raws = logged
        .split('\n')
        .filter((raw) => raw.includes(`"correlationId":"${correlationId}"`) && raw.includes('"res":'));
      if (raws.length > 1) throw new Error(`more than one request line for ${correlationId}:\n${raws.join('\n')}`);
      if (raws.length === 1) return { raw: raws[0], line: JSON.parse(raws[0]) };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no request line for ${correlationId} in:\n${logged.slice(-4000)}`);
  }

  function expectQuiet(raw: string, line: Record<string, unknown>, secrets: string[]): void {
    expect(Buffer.byteLength(raw)).toBeLessThan(600);
    expect(Object.keys(line).filter((key) => !LINE_KEYS.includes(key))).toEqual([]);
    expect(raw).not.toMatch(/headers|user-agent|authorization|cookie|content-type/i);
    expect(raw).not.toContain(USER_AGENT);
    for (const secret of secrets) expect(raw).not.toContain(secret);
  }

  it('says method, route and path, status, duration, account (id and role) and correlation id — no header — for every kind of answer', async () => {
    const counselor = await api(saeil, counselorOf('center-naju'));
    const supervisor = await api(saeil, supervisorOf('center-naju'));
    const counselorId = await accountIdOf(saeil, counselorOf('center-naju'));
    const supervisorId = await accountIdOf(saeil, supervisorOf('center-naju'));
    const clientId = await registerClient(saeil, 4243);

    const cases = [
      {
        name: 'a read by a path parameter',
        send: () => counselor.get(`/cases/${clientId}/timeline`).set('X-Correlation-Id', 'probe-timeline-1'),
        correlationId: 'probe-timeline-1',
        expected: {
          method: 'GET',
          route: '/cases/:clientId/timeline',
          path: `/cases/${clientId}/timeline`,
          res: { statusCode: 200 },
          account: { id: counselorId, role: 'counselor' },
        },
      },
      {
        name: 'a command, its id from X-Request-Id (what a proxy sends)',
        send: () => supervisor.post('/clients').set('X-Request-Id', 'proxy.req:42').send(newClient(4244, counselorId)),
        correlationId: 'proxy.req:42',
        expected: {
          method: 'POST',
          route: '/clients',
          path: '/clients',
          res: { statusCode: 201 },
          account: { id: supervisorId, role: 'supervisor' },
        },
      },
      {
        name: 'bad input (400), X-Correlation-Id preferred to X-Request-Id',
        send: () =>
          supervisor
            .post('/clients')
            .set('X-Correlation-Id', 'probe-400')
            .set('X-Request-Id', 'not-this-one')
            .send({ name: '' }),
        correlationId: 'probe-400',
        expected: {
          method: 'POST',
          route: '/clients',
          path: '/clients',
          res: { statusCode: 400 },
          account: { id: supervisorId, role: 'supervisor' },
        },
      },
      {
        name: 'no token (401): no account',
        send: () => request(saeil.url).get('/caseload?centerId=center-naju').set('X-Correlation-Id', 'probe-401'),
        correlationId: 'probe-401',
        expected: {
          method: 'GET',
          route: '/caseload',
          path: '/caseload?centerId=center-naju',
          res: { statusCode: 401 },
        },
      },
      {
        name: 'an unknown route (404): no route pattern',
        send: () => counselor.get('/no-such-route/7').set('X-Correlation-Id', 'probe-404'),
        correlationId: 'probe-404',
        expected: { method: 'GET', path: '/no-such-route/7', res: { statusCode: 404 } },
      },
    ];
    for (const c of cases) {
      const answer = await c.send().set('User-Agent', USER_AGENT);
      expect({ case: c.name, echoed: answer.headers['x-correlation-id'] }).toEqual({
        case: c.name,
        echoed: c.correlationId,
      });
      const { raw, line } = await lineOf(c.correlationId);
      expect({ case: c.name, ...line }).toEqual({ case: c.name, ...expectedLine(c.expected, c.correlationId) });
      expectQuiet(raw, line, [counselor.token, supervisor.token]);
    }
  });

  it('generates a correlation id when none (or a malformed one) is given, and echoes it', async () => {
    const counselor = await api(saeil, counselorOf('center-naju'));
    for (const given of [undefined, 'has spaces in it', 'x'.repeat(129), '<script>', '']) {
      const req = counselor.get('/caseload').query({ centerId: 'center-naju' }).set('User-Agent', USER_AGENT);
      if (given !== undefined) req.set('X-Correlation-Id', given);
      const answer = await req.expect(200);
      const id = answer.headers['x-correlation-id'];
      expect({ given, id }).toEqual({ given, id: expect.stringMatching(UUID) });
      const { raw, line } = await lineOf(id);
      expect(line).toMatchObject({ correlationId: id, method: 'GET', route: '/caseload', res: { statusCode: 200 } });
      expectQuiet(raw, line, [counselor.token]);
    }
  });

  it('logs a caseload search without the name or phone searched for, and without the token', async () => {
    await registerClient(saeil, 4242);
    const her = newClient(4242, await counselorAccount(saeil));
    const counselor = await api(saeil, counselorOf('center-naju'));
    await counselor
      .get('/caseload')
      .query({ centerId: 'center-naju', q: her.name })
      .set('X-Correlation-Id', 'probe-search-name')
      .expect(200);
    await counselor
      .get('/caseload')
      .query({ centerId: 'center-naju', q: her.phone })
      .set('X-Correlation-Id', 'probe-search-phone')
      .expect(200);
    for (const id of ['probe-search-name', 'probe-search-phone']) {
      const { raw, line } = await lineOf(id);
      expect(line.path).toBe('/caseload?centerId=center-naju&q=(redacted)');
      expectQuiet(raw, line, [counselor.token]);
    }
    expect(logged).not.toContain(her.name);
    expect(logged).not.toContain(encodeURIComponent(her.name));
    expect(logged).not.toContain(her.phone);
    expect(logged).not.toContain(counselor.token);
  });
});

function expectedLine(fields: Record<string, unknown>, correlationId: string): Record<string, unknown> {
  return {
    level: 30,
    time: expect.any(Number),
    service: 'saeil',
    msg: 'request completed',
    correlationId,
    durationMs: expect.any(Number),
    ...fields,
  };
}
