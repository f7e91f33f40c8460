import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { loadConfig } from '@saeil/config';
import { Topics } from '@saeil/messaging';
import {
  createTestDatabase,
  describeKafka,
  kafkaBrokers,
  TestDatabase,
  uniqueTopicPrefix,
} from '../../../tests/support/env';
import { createRuntime, Runtime } from './runtime';

/**
 * A projection may follow a context that no module of this build writes (yet): the timeline reads
 * every context in the contracts registry. Its consumer cannot join a group on a topic that does
 * not exist, so the runtime creates the topics projections read too, and the worker starts.
 */
describeKafka('topics for the contexts projections read', () => {
  let db: TestDatabase;
  let runtime: Runtime | undefined;

  beforeAll(async () => {
    db = await createTestDatabase('projection_topics');
  });
  afterAll(async () => {
    await runtime?.close();
    await db?.drop();
  });

  it('are created at start, so a worker whose projection reads an unwritten context starts', async () => {
    const prefix = uniqueTopicPrefix('projection-topics');
    const config = loadConfig({
      DATABASE_URL: db.url,
      KAFKA_BROKERS: kafkaBrokers()!.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '1',
      LOG_LEVEL: 'error',
    });
    const follower = {
      name: 'follower',
      tables: [],
      contexts: ['elsewhere'],
      eventTypes: ['SomethingHappenedElsewhere'],
      apply: async () => undefined,
    };
    runtime = await createRuntime(config, {
      modules: [
        {
          name: 'follower',
          contexts: [],
          migrations: [],
          projections: [follower],
          commands: [],
          nestModule: class FollowerModule {},
        },
      ],
      logger: pino({ level: 'error' }),
      startWorker: true,
    });

    const admin = new Kafka({
      clientId: 'projection-topics-spec',
      brokers: kafkaBrokers()!,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).toContain(new Topics(prefix).events('elsewhere'));
    } finally {
      await admin.disconnect();
    }
  });
});
