import { Pool } from 'pg';
import request from 'supertest';
import { Topics } from '@saeil/messaging';
import { newClient } from '../support/app';
import { accountIdOf, Api, api, counselorAccount, counselorOf, TEST_METRICS_TOKEN } from '../support/auth';
import {
  createTestDatabase,
  describeKafka,
  kafkaBrokers,
  TestDatabase,
  uniqueTopicPrefix,
  waitFor,
  waitForProjectionsCaughtUp,
} from '../support/env';
import { AppProcess, spawnApp } from '../support/processes';
import { occurrences, readWholeTopic } from './support/topic-reader';
import { runLanes } from './support/lanes';

const CLIENTS = 6;
const SESSIONS_PER_CLIENT = 50; // 300 commands in all
/** Sessions each lane records before the worker is killed (102 of 300); the rest wait for the kill. */
const SESSIONS_BEFORE_KILL = 17;
/** The counselor every registration names: an account of center-naju of this file's own (set when the api runs). */
let COUNSELOR: string;

const sessionDay = (n: number) => `2026-04-${String(((n * 11) % 28) + 1).padStart(2, '0')}`;

/**
 * The api and the worker as two real processes on Kafka, as in production. While counselors
 * record 300 counseling sessions over HTTP, the worker (outbox relay and projection consumers)
 * is killed with SIGKILL and started again. Every command the api accepted (2xx, counted here)
 * must then be in the event store, on Kafka and in the read models exactly once: the restarted
 * relay finds what the killed one sent without moving its checkpoint and does not send it again.
 */
describeKafka('the worker SIGKILLed in the middle of a load of counseling sessions', () => {
  const prefix = uniqueTopicPrefix('fault-worker');
  let db: TestDatabase;
  let pool: Pool;
  let apiProcess: AppProcess | undefined;
  let worker: AppProcess | undefined;
  /** The center-naju counselor recording the sessions, logged in to the api process. */
  let counselor: Api;
  const env = () => ({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafkaBrokers()!.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '3',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    // Small batches, so a kill is sure to land with a batch half done.
    RELAY_BATCH_SIZE: '10',
    PROJECTION_BATCH_SIZE: '10',
    POLL_INTERVAL_MS: '50',
    PORT: '0',
  });
  const relayPosition = async () =>
    Number(
      (await pool.query(`SELECT coalesce(max(global_position), 0) AS p FROM checkpoints WHERE name = 'relay:kafka'`))
        .rows[0].p,
    );
  const relayMetrics = async (url: string) => {
    const text = (await request(url).get('/metrics').set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`).expect(200))
      .text;
    const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
    return {
      published: value('saeil_relay_published_total'),
      alreadyPublished: value('saeil_relay_already_published_total'),
    };
  };
  const lastPosition = async () =>
    Number((await pool.query(`SELECT coalesce(max(global_position), 0) AS p FROM events`)).rows[0].p);

  beforeAll(async () => {
    db = await createTestDatabase('fault_worker');
    pool = new Pool({ connectionString: db.url, max: 2 });
    // The api first: it migrates the database and creates the topics; then the worker.
    apiProcess = await spawnApp('api', env());
    worker = await spawnApp('worker', env());
    counselor = await api(apiProcess.url, counselorOf('center-naju'));
    COUNSELOR = await counselorAccount(apiProcess.url, 'center-naju', 'crash');
  }, 180_000);

  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await apiProcess?.kill('SIGTERM');
    await pool?.end();
    await db?.drop();
  });

  it('loses nothing and doubles nothing: the event store, Kafka and the read models hold every accepted command once', async () => {
    const clients: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const { body } = await counselor.post('/clients').send(newClient(i, COUNSELOR)).expect(201);
      await counselor
        .post(`/clients/${body.clientId}/consents`)
        .send({ purpose: 'service', version: '2026-01', givenOn: '2026-04-01' })
        .expect(200);
      clients.push(body.clientId);
    }

    // One lane per client, so sessions of one case never race each other: every 2xx is counted.
    const accepted = new Map<string, { sessionId: string; day: string }[]>(clients.map((id) => [id, []]));
    // Each lane holds its later sessions until the worker is killed, so commands are certainly
    // accepted with no worker running, however fast this machine answers the first ones.
    let releaseLanes!: () => void;
    const workerKilled = new Promise<void>((resolve) => (releaseLanes = resolve));
    const {
      done: load,
      answered,
      unlessALaneFailed,
    } = runLanes(clients, SESSIONS_PER_CLIENT, async (clientId, n) => {
      if (n === SESSIONS_BEFORE_KILL) await workerKilled;
      const day = sessionDay(n);
      const response = await counselor
        .post(`/clients/${clientId}/counseling-sessions`)
        .send({ channel: 'in_center', topic: `상담 ${n}`, durationMinutes: 30, occurredOn: day });
      if (response.status !== 201) throw new Error(`session ${n} of ${clientId}: ${response.status} ${response.text}`);
      accepted.get(clientId)!.push({ sessionId: response.body.sessionId, day });
    });

    // Kill while the load runs and the relay is working through it in small batches.
    await waitFor(
      async () => {
        unlessALaneFailed();
        return answered() >= CLIENTS * SESSIONS_BEFORE_KILL && (await relayPosition()) > 40;
      },
      { description: 'a third of the load, partly relayed', intervalMs: 10, timeoutMs: 60_000 },
    );
    await worker!.kill('SIGKILL');
    releaseLanes();
    const relayedAtKill = await relayPosition();
    const [checkpointAtKill] = (
      await pool.query(`SELECT transaction_id, global_position FROM checkpoints WHERE name = 'relay:kafka'`)
    ).rows;
    await waitFor(
      async () => {
        unlessALaneFailed();
        return answered() >= 180;
      },
      { description: 'more commands accepted with no worker running', timeoutMs: 60_000 },
    );
    expect(await relayPosition()).toBe(relayedAtKill); // nobody relayed meanwhile: the restart below has to catch up
    worker = await spawnApp('worker', env());
    await load;

    const acceptedIds = [...accepted.values()].flat().map((s) => s.sessionId);
    expect(acceptedIds).toHaveLength(CLIENTS * SESSIONS_PER_CLIENT);

    // Event store: each accepted session once.
    const stored = await pool.query(
      `SELECT event_id, data->>'sessionId' AS session_id, metadata->>'actorId' AS actor_id FROM events WHERE event_type = 'CounselingSessionRecorded'`,
    );
    expect([...occurrences(stored.rows.map((r) => r.session_id)).values()].every((n) => n === 1)).toBe(true);
    expect(new Set(stored.rows.map((r) => r.actor_id))).toEqual(
      new Set([await accountIdOf(apiProcess!.url, counselorOf('center-naju'))]),
    ); // recorded as her account
    expect(new Set(stored.rows.map((r) => r.session_id))).toEqual(new Set(acceptedIds));

    // Kafka: once the relay has caught up, every stored event is on its topic exactly once. A kill
    // after the broker took a batch but before the checkpoint moved leaves that batch on Kafka
    // past the checkpoint; the restarted relay reads the end of the partitions first and passes
    // over what it finds there (docs/ARCHITECTURE.md, "Out to Kafka").
    const last = await lastPosition();
    await waitFor(async () => (await relayPosition()) === last, {
      description: 'the restarted relay to catch up',
      timeoutMs: 90_000,
    });
    const topics = new Topics(prefix);
    const onKafka = [
      ...(await readWholeTopic(kafkaBrokers()!, topics.events('counseling'))),
      ...(await readWholeTopic(kafkaBrokers()!, topics.events('intake'))),
    ];
    const allStored = await pool.query(`SELECT event_id FROM events`);
    const counts = occurrences(onKafka.map((m) => m.eventId));
    expect([...counts].filter(([, n]) => n > 1)).toEqual([]); // no event id twice
    expect(onKafka.map((m) => m.eventId).sort()).toEqual(allStored.rows.map((r) => r.event_id).sort());
    // The restarted relay's own count: what it sent plus what it found sent already is exactly
    // what lay past the checkpoint at the kill.
    const [afterKill] = (
      await pool.query(
        `SELECT count(*)::int AS n FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
        [checkpointAtKill.transaction_id, checkpointAtKill.global_position],
      )
    ).rows;
    const relayCounts = await relayMetrics(worker!.url);
    expect(relayCounts.published + relayCounts.alreadyPublished).toBe(afterKill.n);
    expect(relayCounts.alreadyPublished).toBeLessThanOrEqual(Number(env().RELAY_BATCH_SIZE)); // at most the batch in flight at the kill

    // Read models: the restarted worker reports every projection's consumer group at the end of
    // its topics (offsets move only after a batch's transaction commits), so each read model has
    // applied every event; only then are they compared with what was accepted. (Waiting for a
    // weaker sign — the statuses — let CI compare a caseload that was three sessions behind.)
    await waitForProjectionsCaughtUp(async () => (await request(worker!.url).get('/health')).body.projections);
    for (const clientId of clients) {
      const mine = accepted.get(clientId)!;
      const timeline = (await counselor.get(`/cases/${clientId}/timeline`).query({ pageSize: 100 }).expect(200)).body;
      expect(timeline.items.filter((i: { type: string }) => i.type === 'CounselingSessionRecorded')).toHaveLength(
        mine.length,
      );
      expect(timeline.items).toHaveLength(mine.length + 2);
      const sessions = await counselor
        .get(`/clients/${clientId}/counseling-sessions`)
        .query({ pageSize: 100 })
        .expect(200);
      expect(sessions.body.items.map((s: { sessionId: string }) => s.sessionId).sort()).toEqual(
        mine.map((s) => s.sessionId).sort(),
      );
    }
    const caseload = (await counselor.get('/caseload').query({ counselorId: COUNSELOR, pageSize: 100 }).expect(200))
      .body;
    expect(caseload.items.map((i: { status: string }) => i.status)).toEqual(clients.map(() => 'counseling'));
    const lastContact = (clientId: string) =>
      accepted
        .get(clientId)!
        .map((s) => s.day)
        .sort()
        .at(-1);
    expect(
      Object.fromEntries(
        caseload.items.map((i: { clientId: string; lastContactOn: string }) => [i.clientId, i.lastContactOn]),
      ),
    ).toEqual(Object.fromEntries(clients.map((id) => [id, lastContact(id)])));
    const dead = await pool.query(`SELECT count(*)::int AS n FROM dead_letters`);
    expect(dead.rows[0].n).toBe(0);
  }, 300_000); // a bound for a loaded machine (three processes start from source), not a target
});
