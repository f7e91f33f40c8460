/**
 * Proves the harness hands tests real servers: a PostgreSQL that answers SQL, and a Kafka broker
 * that stores keyed messages durably (acks=all) and delivers them, in order, to a consumer group.
 */
import { Admin, Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { Client } from 'pg';
import { createTestDatabase, describeKafka, kafkaBrokers, TestDatabase, uniqueTopicPrefix, waitFor } from './env';

describe('test harness: PostgreSQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('harness');
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('provides a fresh database on a real PostgreSQL server', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string; database: string }>(
        'select version() as version, current_database() as database',
      );
      expect(rows[0].version).toMatch(/^PostgreSQL \d+/);
      expect(rows[0].database).toBe(db.name);
    } finally {
      await client.end();
    }
  });
});

describeKafka('test harness: Kafka', () => {
  const prefix = uniqueTopicPrefix('harness');
  const topic = `${prefix}roundtrip`;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    kafka = new Kafka({ clientId: 'harness-spec', brokers: kafkaBrokers() ?? [], logLevel: logLevel.WARN });
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('delivers keyed messages, acknowledged by all replicas, in order to a consumer group', async () => {
    const sent = [
      { key: 'case-1', value: 'opened' },
      { key: 'case-2', value: 'opened' },
      { key: 'case-1', value: 'closed' },
    ];
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: sent });

    const received: { key: string; value: string }[] = [];
    consumer = kafka.consumer({ groupId: `${prefix}group` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({ key: String(message.key), value: String(message.value) });
      },
    });

    await waitFor(async () => received.length >= sent.length, {
      timeoutMs: 30_000,
      description: '3 consumed messages',
    });
    expect(received).toEqual(sent);
  });
});
