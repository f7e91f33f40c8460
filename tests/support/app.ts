import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pino from 'pino';
import { createLogger, type SaeilModuleDefinition } from '@saeil/runtime';
import { loadConfig, SaeilConfig } from '@saeil/config';
import { RunningSaeil, startSaeil } from '@saeil/app';
import { createTestDatabase, kafkaBrokers, TestDatabase, uniqueTopicPrefix } from './env';
import { api, counselorAccount, supervisorOf, TEST_ADMIN_ENV } from './auth';

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
export async function startTestSaeil(options: {
  label: string;
  kafka: boolean;
  api?: boolean;
  worker?: boolean;
  env?: Record<string, string>;
  db?: TestDatabase;
  topicPrefix?: string;
  /** Where the app's log lines go (stdout unless given), e.g. to read what it logged. */
  logStream?: pino.DestinationStream;
  /** The modules it runs (default: everything, as npm start): e.g. the case system or the Ministry dashboard alone. */
  modules?: SaeilModuleDefinition[];
}): Promise<TestSaeil> {
  const db = options.db ?? (await createTestDatabase(options.label));
  // One data directory per installation (its database): generated keys and the access log's
  // anchor file belong to it, and apps started on the same database share it.
  const dataDir = path.join(tmpdir(), 'saeil-test-data', db.name);
  const env: Record<string, string> = {
    DATABASE_URL: db.url,
    SAEIL_DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: process.env.SAEIL_TEST_LOG_LEVEL ?? 'error',
    POLL_INTERVAL_MS: '100',
    KAFKA_TOPIC_PARTITIONS: '3',
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    // Tests poll the expensive reads (caseload, statistics) far faster than a person would; the
    // limit itself is proven in tests/e2e/hardening.e2e-spec.ts, which sets its own.
    RATE_LIMIT_EXPENSIVE_PER_MINUTE: '100000',
    // The harness logs in as this administrator to create the accounts tests act as (./auth.ts).
    ...TEST_ADMIN_ENV,
    ...(options.kafka
      ? {
          KAFKA_BROKERS: kafkaBrokers()!.join(','),
          KAFKA_TOPIC_PREFIX: options.topicPrefix ?? uniqueTopicPrefix(options.label),
        }
      : {}),
    ...options.env,
  };
  const config = loadConfig(env);
  // The product's logger (its redaction included), not a bare pino: what tests see logged is what runs.
  const logger = createLogger(config, options.logStream);
  const running = await startSaeil(config, {
    api: options.api ?? true,
    worker: options.worker ?? true,
    logger,
    modules: options.modules,
  });
  return {
    ...running,
    db,
    config,
    async dispose() {
      await running.stop();
      if (!options.db) {
        await db.drop();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export async function countEvents(saeil: RunningSaeil, type?: string): Promise<number> {
  const [{ n }] = await saeil.runtime.dataSource.query(
    `SELECT count(*)::int AS n FROM events WHERE ($1::text IS NULL OR event_type = $1)`,
    [type ?? null],
  );
  return n;
}

/**
 * A registration body for client number i: a distinct person for every i below 9000 (distinct
 * name and phone), so registering several never trips duplicate detection. `counselorId` must be
 * an account of the center (`counselorAccount(saeil, centerId)`): a made-up id is refused.
 */
export function newClient(i: number, counselorId: string, centerId = 'center-naju') {
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

export type ConsentPurpose = 'service' | 'employer_sharing';

/**
 * Registers client number n (`newClient(n, counselorId, centerId)`) through HTTP, expecting 201,
 * then gives her the consents asked for (none unless told) through HTTP, each expecting 200,
 * on the 2026-01 form given on `givenOn` (2026-01-02 unless told). She is registered on
 * `registeredOn`, else on `givenOn`, else on 2026-01-02. Returns her client id.
 */
export async function registerClient(
  saeil: RunningSaeil,
  n: number,
  options: {
    consents?: ConsentPurpose[];
    counselorId?: string;
    centerId?: string;
    givenOn?: string;
    registeredOn?: string;
  } = {},
): Promise<string> {
  const centerId = options.centerId ?? 'center-naju';
  // Registered on the day she consents (unless told): what is recorded about her afterwards may
  // be dated from then on (a job cannot start before her registration or her consent).
  const registeredOn = options.registeredOn ?? options.givenOn ?? '2026-01-02';
  const counselorId = options.counselorId ?? (await counselorAccount(saeil, centerId));
  const created = await (
    await api(saeil, supervisorOf(centerId))
  )
    .post('/clients')
    .send({ ...newClient(n, counselorId, centerId), registeredOn })
    .expect(201);
  const clientId: string = created.body.clientId;
  for (const purpose of options.consents ?? []) await giveConsent(saeil, clientId, purpose, options.givenOn, centerId);
  return clientId;
}

/** Gives her consent for the purpose through HTTP (`POST /clients/:id/consents`) as her center's supervisor, expecting 200. */
export async function giveConsent(
  saeil: RunningSaeil,
  clientId: string,
  purpose: ConsentPurpose,
  givenOn = '2026-01-02',
  centerId = 'center-naju',
): Promise<void> {
  await (
    await api(saeil, supervisorOf(centerId))
  )
    .post(`/clients/${clientId}/consents`)
    .send({ purpose, version: '2026-01', givenOn })
    .expect(200);
}

/**
 * What a running Saeil's worker still has to do, per read model, and the relay's backlog (Kafka
 * mode: an event not yet on its topic is lag no consumer can see). For `waitForProjectionsCaughtUp`.
 */
export async function workerLags(saeil: RunningSaeil): Promise<Record<string, number>> {
  const worker = saeil.runtime.worker;
  return { ...(await worker.projectionLags()), ...(worker.relay ? { relay: await worker.relay.lag() } : {}) };
}
