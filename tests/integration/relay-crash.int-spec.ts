import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { Topics } from '@saeil/messaging';
import { createTestDatabase, describeKafka, kafkaBrokers, TestDatabase, uniqueTopicPrefix, waitFor } from '../support/env';
import { countEvents, newClient, startTestSaeil, TestSaeil } from '../support/app';
import { AppProcess, spawnApp } from '../support/processes';

/** Reads every message of a topic from the beginning with a throw-away consumer group. */
async function readTopic(topic: string, expectAtLeast: number): Promise<{ eventId: string; globalPosition: number }[]> {
  const kafka = new Kafka({ clientId: 'test-reader', brokers: kafkaBrokers()!, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `reader-${Date.now()}-${Math.random()}` });
  const seen: { eventId: string; globalPosition: number }[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      seen.push({ eventId: message.headers!['event-id']!.toString(), globalPosition: Number(message.headers!['global-position']!.toString()) });
    },
  });
  try {
    await waitFor(async () => seen.length >= expectAtLeast, { timeoutMs: 60_000, description: `${expectAtLeast} messages on ${topic}` });
    await new Promise((r) => setTimeout(r, 1000)); // let any redelivered duplicates arrive too
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

describeKafka('the worker (outbox relay + projection consumer) SIGKILLed in the middle of a load', () => {
  const TOTAL = 400;
  let db: TestDatabase;
  let api: TestSaeil;
  let worker: AppProcess | undefined;
  const prefix = uniqueTopicPrefix('relay-crash');
  const workerEnv = () => ({
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafkaBrokers()!.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '3',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    RELAY_BATCH_SIZE: '10',
    PROJECTION_BATCH_SIZE: '10',
    POLL_INTERVAL_MS: '50',
    PORT: '0',
  });

  beforeAll(async () => {
    db = await createTestDatabase('relay_crash');
    api = await startTestSaeil({ label: 'relay_crash', kafka: true, worker: false, db, topicPrefix: prefix });
  });

  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await api?.dispose();
    await db?.drop();
  });

  it('every accepted command reaches Kafka and the caseload exactly once', async () => {
    worker = await spawnApp('worker', workerEnv());
    const accepted: string[] = [];
    const register = async (from: number, to: number) => {
      for (let i = from; i < to; i += 20) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(20, to - i) }, (_, k) => request(api.url).post('/clients').send(newClient(i + k, 'counselor-crash')).expect(201)),
        );
        accepted.push(...batch.map((r) => r.body.clientId));
      }
    };

    await register(0, 200);
    // Kill while the relay is still working through the backlog in small batches.
    await waitFor(async () => {
      const [{ position }] = await api.runtime.dataSource.query(`SELECT global_position AS position FROM checkpoints WHERE name = 'relay:kafka'`);
      return Number(position) > 20;
    }, { description: 'the relay to have published a few batches', intervalMs: 10 });
    await worker.kill('SIGKILL');
    const [{ position: atKill }] = await api.runtime.dataSource.query(`SELECT global_position AS position FROM checkpoints WHERE name = 'relay:kafka'`);
    expect(Number(atKill)).toBeLessThan(TOTAL);

    // Commands keep being accepted while no worker runs: the event store is the source of truth.
    await register(200, TOTAL);
    expect(await countEvents(api, 'ClientRegistered')).toBe(TOTAL);

    worker = await spawnApp('worker', workerEnv());
    const rows = await waitFor(async () => {
      const [{ n }] = await api.runtime.dataSource.query(`SELECT count(*)::int AS n FROM rm_caseload WHERE counselor_id = 'counselor-crash'`);
      return n === TOTAL ? n : undefined;
    }, { timeoutMs: 90_000, description: `${TOTAL} caseload rows` });
    expect(rows).toBe(TOTAL);

    const ids = await api.runtime.dataSource.query(`SELECT client_id FROM rm_caseload WHERE counselor_id = 'counselor-crash'`);
    expect(new Set(ids.map((r: { client_id: string }) => r.client_id))).toEqual(new Set(accepted));

    const onTopic = await readTopic(new Topics(prefix).events('intake'), TOTAL);
    const events = await api.runtime.dataSource.query(`SELECT event_id FROM events`);
    // Exactly once: the same ids, none twice (the relay checks the topics' tails when it takes over).
    expect(onTopic.map((m) => m.eventId).sort()).toEqual(events.map((e: { event_id: string }) => e.event_id).sort());

    const [{ n: positions }] = await api.runtime.dataSource.query(`SELECT count(*)::int AS n FROM projection_stream_positions WHERE projection = 'caseload'`);
    expect(positions).toBe(TOTAL);
    const [{ n: dead }] = await api.runtime.dataSource.query(`SELECT count(*)::int AS n FROM dead_letters`);
    expect(dead).toBe(0);
  }, 180_000);
});
