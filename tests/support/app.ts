import pino from 'pino';
import { loadConfig, SaeilConfig } from '@saeil/config';
import { RunningSaeil, startSaeil } from '@saeil/app';
import { createTestDatabase, kafkaBrokers, TestDatabase, uniqueTopicPrefix } from './env';

export interface TestSaeil extends RunningSaeil {
  db: TestDatabase;
  config: SaeilConfig;
  /** Stops the app and drops its database. */
  dispose(): Promise<void>;
}

/**
 * Starts the real application (api + worker unless told otherwise) on a fresh database, on a
 * free port, in embedded mode or against the test Kafka broker with a topic prefix of its own.
 */
export async function startTestSaeil(options: { label: string; kafka: boolean; api?: boolean; worker?: boolean; env?: Record<string, string>; db?: TestDatabase; topicPrefix?: string }): Promise<TestSaeil> {
  const db = options.db ?? (await createTestDatabase(options.label));
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    PORT: '0',
    LOG_LEVEL: process.env.SAEIL_TEST_LOG_LEVEL ?? 'error',
    POLL_INTERVAL_MS: '100',
    KAFKA_TOPIC_PARTITIONS: '3',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    ...(options.kafka ? { KAFKA_BROKERS: kafkaBrokers()!.join(','), KAFKA_TOPIC_PREFIX: options.topicPrefix ?? uniqueTopicPrefix(options.label) } : {}),
    ...options.env,
  };
  const config = loadConfig(env);
  const logger = pino({ level: config.LOG_LEVEL });
  const running = await startSaeil(config, { api: options.api ?? true, worker: options.worker ?? true, logger });
  return {
    ...running,
    db,
    config,
    async dispose() {
      await running.stop();
      if (!options.db) await db.drop();
    },
  };
}

export async function countEvents(saeil: RunningSaeil, type?: string): Promise<number> {
  const [{ n }] = await saeil.runtime.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE ($1::text IS NULL OR event_type = $1)`, [type ?? null]);
  return n;
}

/**
 * A registration body for client number i: a distinct person for every i below 9000 (distinct
 * name and phone), so registering several never trips duplicate detection.
 */
export function newClient(i: number, counselorId = 'counselor-kim', centerId = 'center-naju') {
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    name: `구직자${i}`,
    birthDate: `19${70 + (i % 30)}-0${(i % 9) + 1}-${day}`,
    phone: `010-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`,
    centerId,
    counselorId,
    region: '전라남도',
  };
}
