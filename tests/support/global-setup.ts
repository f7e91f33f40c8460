/**
 * jest globalSetup: one real PostgreSQL server and one real Kafka broker for the whole run.
 *
 *   DATABASE_URL set   -> use that server;  otherwise an embedded PostgreSQL in a temp dir
 *   KAFKA_BROKERS set  -> use those brokers; otherwise a KRaft broker run with Java + Maven jars;
 *                         without java/mvn Kafka tests are skipped (a failure when CI=true)
 *
 * Test workers learn the result through SAEIL_TEST_DATABASE_URL, SAEIL_TEST_KAFKA_BROKERS and
 * SAEIL_TEST_KAFKA_SKIP_REASON (workers are forked after this runs, so they inherit them).
 * DATABASE_URL / KAFKA_BROKERS are removed afterwards: the application under test must get its
 * configuration from the test, never by accident from the harness's environment.
 */
import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';
import { freePorts, javaAvailable, KafkaBroker, startKafkaBroker } from './kafka-broker';

/** What teardown needs; kept on globalThis because jest loads teardown as a separate module. */
export interface HarnessHandles {
  stopPostgres?: () => Promise<void>;
  postgresTempDir?: string;
  kafka?: KafkaBroker;
}

const HANDLES_KEY = '__saeilHarness';

export function harnessHandles(): HarnessHandles {
  const holder = globalThis as unknown as Record<string, HarnessHandles | undefined>;
  return (holder[HANDLES_KEY] ??= {});
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const kafkaPlan = planKafka(); // throws early in CI without Java, before anything starts
  const handles = harnessHandles();

  const [postgres, kafka] = await Promise.allSettled([providePostgres(handles), provideKafka(kafkaPlan, handles)]);
  if (postgres.status === 'rejected' || kafka.status === 'rejected') {
    await stopAll(handles);
    throw postgres.status === 'rejected' ? postgres.reason : (kafka as PromiseRejectedResult).reason;
  }

  process.env.SAEIL_TEST_DATABASE_URL = postgres.value;
  process.env.SAEIL_TEST_KAFKA_BROKERS = kafka.value ?? '';
  process.env.SAEIL_TEST_KAFKA_SKIP_REASON = kafkaPlan.kind === 'skip' ? kafkaPlan.reason : '';
  delete process.env.DATABASE_URL;
  delete process.env.KAFKA_BROKERS;
  say(`ready in ${seconds(started)}`);
}

/** Stops whatever globalSetup started; shared with global-teardown.ts. */
export async function stopAll(handles: HarnessHandles): Promise<void> {
  const { stopPostgres, postgresTempDir, kafka } = handles;
  handles.stopPostgres = handles.postgresTempDir = handles.kafka = undefined;
  await Promise.all([
    kafka?.stop(),
    stopPostgres?.().finally(() =>
      postgresTempDir ? rm(postgresTempDir, { recursive: true, force: true }) : undefined,
    ),
  ]);
}

async function providePostgres(handles: HarnessHandles): Promise<string> {
  if (process.env.DATABASE_URL) {
    say(`PostgreSQL: using DATABASE_URL (${redact(process.env.DATABASE_URL)})`);
    return process.env.DATABASE_URL;
  }
  const started = Date.now();
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'saeil-pg-'));
  handles.postgresTempDir = tempDir;
  // Interrupted runs (Ctrl-C) skip teardown; embedded-postgres's own exit hook stops the server
  // and deletes the data dir, this removes the rest.
  process.once('exit', () => rmSync(tempDir, { recursive: true, force: true }));
  // As root, postgres runs as the `postgres` user, which must be able to enter the 0700 temp dir.
  await chmod(tempDir, 0o755);
  const [port] = await freePorts(1);
  const server = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'data'), port, persistent: false });
  handles.stopPostgres = server.stop;
  say(`PostgreSQL: embedded server on 127.0.0.1:${port} started in ${seconds(started)}`);
  return server.url;
}

type KafkaPlan = { kind: 'external'; brokers: string } | { kind: 'start' } | { kind: 'skip'; reason: string };

function planKafka(): KafkaPlan {
  if (process.env.KAFKA_BROKERS) return { kind: 'external', brokers: process.env.KAFKA_BROKERS };
  if (javaAvailable()) return { kind: 'start' };
  const missing = 'java and/or mvn are not on PATH, and KAFKA_BROKERS is not set';
  if (process.env.CI === 'true') {
    throw new Error(
      `Kafka integration tests need a real broker, but ${missing}. ` +
        'CI must provide Java 17 and Maven (apt-get install -y openjdk-17-jre-headless maven; .ci/run does this).',
    );
  }
  return {
    kind: 'skip',
    reason:
      `Kafka tests skipped: ${missing}. The harness runs a real Apache Kafka broker from Maven Central ` +
      'jars with Java 17: install openjdk-17-jre-headless and maven, or point KAFKA_BROKERS at a broker.',
  };
}

async function provideKafka(plan: KafkaPlan, handles: HarnessHandles): Promise<string | undefined> {
  switch (plan.kind) {
    case 'external':
      say(`Kafka: using KAFKA_BROKERS (${plan.brokers})`);
      return plan.brokers;
    case 'skip':
      say(plan.reason);
      return undefined;
    case 'start': {
      const started = Date.now();
      const broker = await startKafkaBroker();
      handles.kafka = broker;
      say(`Kafka: KRaft broker on ${broker.brokers} started in ${seconds(started)} (log: ${broker.dir}/broker.log)`);
      return broker.brokers;
    }
  }
}

function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function say(message: string): void {
  console.log(`[harness] ${message}`);
}
