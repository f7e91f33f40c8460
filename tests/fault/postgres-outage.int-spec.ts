import request from 'supertest';
import { ensureDatabase } from '../../libs/database/src/embedded-postgres';
import { countEvents, registerClient, startTestSaeil, TestSaeil } from '../support/app';
import { Api, api, counselorAccount, counselorOf } from '../support/auth';
import { waitFor } from '../support/env';
import { DedicatedPostgres, startDedicatedPostgres } from './support/postgres-process';

const COMMANDS = 60;
/** The counselor her registrations name: an account of center-naju of this file's own (set once the app runs). */
let COUNSELOR: string;

/** The day of session i: spread over March so "last contact" is a real maximum, not the last sent. */
const sessionDay = (i: number) => `2026-03-${String(((i * 7) % 28) + 1).padStart(2, '0')}`;

/** What a caller may be shown when the database is away: a code and a sentence, nothing internal. */
function expectCleanUnavailable(response: request.Response): void {
  expect(response.status).toBe(503);
  expect(response.body).toEqual({
    error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('데이터베이스') },
  });
  expect(response.text).not.toMatch(/SELECT|INSERT|ECONN|127\.0\.0\.1|\bat \S+ \(/);
}

/**
 * PostgreSQL stopped under a load and started again, with the app left running throughout (no
 * restart): every command in the outage answers 503 with a clean message and writes nothing;
 * the caller retries with the same Idempotency-Key and, once the database is back, each command
 * is stored exactly once and shows in the read models exactly once.
 */
describe('PostgreSQL unavailable in the middle of a load', () => {
  let pg: DedicatedPostgres;
  let saeil: TestSaeil;
  /** The center-naju counselor, logged in before the outage: her token is checked on every request throughout. */
  let counselor: Api;

  beforeAll(async () => {
    pg = await startDedicatedPostgres();
    const url = await ensureDatabase(pg.url, 'saeil_fault');
    saeil = await startTestSaeil({
      label: 'fault_postgres',
      kafka: false,
      db: { url, name: 'saeil_fault', drop: async () => undefined },
    });
    counselor = await api(saeil, counselorOf('center-naju'));
    COUNSELOR = await counselorAccount(saeil, 'center-naju', 'outage');
  }, 120_000);

  afterAll(async () => {
    await saeil?.dispose();
    await pg?.dispose();
  });

  it('answers 503 while it is down, resumes by itself, and stores every command exactly once', async () => {
    const clientId = await registerClient(saeil, 1, { counselorId: COUNSELOR, consents: ['service'] });
    const eventsBefore = await countEvents(saeil);
    const [{ n: registrationsBefore }] = await saeil.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE event_type = 'ClientRegistered'`,
    );
    const sessionsPath = `/clients/${clientId}/counseling-sessions`;
    const send = (i: number) =>
      counselor
        .post(sessionsPath)
        .set('Idempotency-Key', `outage-session-${i}`)
        .send({ channel: 'phone', topic: `근황 확인 ${i}`, durationMinutes: 10, occurredOn: sessionDay(i) });

    // A counselor's client that retries each command, with the same key, until it is accepted.
    const statuses: number[][] = Array.from({ length: COMMANDS }, () => []);
    let lastPosition = 0;
    const load = (async () => {
      for (let i = 0; i < COMMANDS; i++) {
        for (;;) {
          const response = await send(i);
          statuses[i].push(response.status);
          if (response.status < 300) {
            lastPosition = Math.max(lastPosition, response.body.position);
            break;
          }
          if (response.status !== 503) throw new Error(`session ${i}: ${response.status} ${response.text}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    })();
    const accepted = () => statuses.filter((s) => s.some((status) => status < 300)).length;

    await waitFor(async () => accepted() >= 15, {
      description: '15 sessions accepted before the outage',
      timeoutMs: 60_000,
    });
    await pg.stop();

    // While it is down: commands and queries alike answer 503 with a clean message, and /health says why.
    expectCleanUnavailable(await send(COMMANDS + 1));
    expectCleanUnavailable(
      await counselor.post('/clients').send({
        name: '정미경',
        birthDate: '1984-05-05',
        phone: '010-7777-0001',
        centerId: 'center-naju',
        counselorId: COUNSELOR,
        region: '전라남도',
      }),
    );
    expectCleanUnavailable(await counselor.get('/caseload').query({ counselorId: COUNSELOR }));
    const health = await request(saeil.url).get('/health');
    expect({ status: health.status, body: health.body.status, database: health.body.database.status }).toEqual({
      status: 503,
      body: 'degraded',
      database: 'down',
    });
    await waitFor(async () => statuses.flat().filter((s) => s === 503).length >= 5, {
      description: 'the load to meet the outage',
      timeoutMs: 60_000,
    });

    await pg.start();
    await load; // resumes with no restart of the app: the pool reconnects on its own

    expect(new Set(statuses.flat().filter((s) => s >= 300))).toEqual(new Set([503]));
    // A retry of a command the database had in fact committed is answered, not appended again.
    const sessions = await saeil.runtime.dataSource.query(
      `SELECT data->>'topic' AS topic FROM events WHERE event_type = 'CounselingSessionRecorded'`,
    );
    expect(sessions.map((s: { topic: string }) => s.topic).sort()).toEqual(
      Array.from({ length: COMMANDS }, (_, i) => `근황 확인 ${i}`).sort(),
    );
    expect(await countEvents(saeil)).toBe(eventsBefore + COMMANDS);
    // Nothing refused during the outage was stored: the session topics are exactly the accepted
    // ones and the event count grew by them alone, so the registration sent while it was down
    // (whose name is sealed, so no clause on it could match) is not there either.
    const [{ n: registrations }] = await saeil.runtime.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE event_type = 'ClientRegistered'`,
    );
    expect(registrations).toBe(registrationsBefore);

    // The read models, fed in this same process, caught up by themselves too.
    const lastContact = Array.from({ length: COMMANDS }, (_, i) => sessionDay(i))
      .sort()
      .at(-1);
    const caseload = await counselor
      .get('/caseload')
      .query({ counselorId: COUNSELOR, minPosition: lastPosition, waitMs: 20_000 })
      .expect(200);
    expect(caseload.body.consistency.reached).toBe(true);
    expect(
      caseload.body.items.map((i: { clientId: string; status: string; lastContactOn: string }) => [
        i.clientId,
        i.status,
        i.lastContactOn,
      ]),
    ).toEqual([[clientId, 'counseling', lastContact]]);
    const timeline = await counselor
      .get(`/cases/${clientId}/timeline`)
      .query({ minPosition: lastPosition, pageSize: 100 })
      .expect(200);
    const types = timeline.body.items.map((item: { type: string }) => item.type);
    expect(types.filter((t: string) => t === 'CounselingSessionRecorded')).toHaveLength(COMMANDS);
    expect(types).toHaveLength(COMMANDS + 2); // registered, service consent, the sessions
    const listed = await counselor.get(sessionsPath).query({ pageSize: 100 }).expect(200);
    expect(listed.body.items.map((s: { topic: string }) => s.topic).sort()).toEqual(
      sessions.map((s: { topic: string }) => s.topic).sort(),
    );
  }, 120_000);
});
