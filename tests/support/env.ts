/**
 * Helpers for integration tests, on top of the servers tests/support/global-setup.ts provides.
 * Every test file gets its own database and its own topic prefix, so files can run in parallel
 * against the same PostgreSQL server and Kafka broker without seeing each other's data.
 */
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '../../libs/database/src/embedded-postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const MAX_IDENTIFIER_LENGTH = 63; // PostgreSQL truncates longer names silently

/** A fresh, empty database named t_<label>_<random> on the test server. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = testDatabaseServerUrl();
  const suffix = `_${randomSuffix()}`;
  const prefix = `t_${sanitise(label, '_')}`.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length);
  const name = `${prefix}${suffix}`;
  const url = await ensureDatabase(serverUrl, name);
  return { url, name, drop: () => dropDatabase(serverUrl, name) };
}

/** URL of the test server's maintenance database (for tests that manage databases themselves). */
export function testDatabaseServerUrl(): string {
  const url = process.env.SAEIL_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'SAEIL_TEST_DATABASE_URL is not set: run tests through jest with tests/support/global-setup.ts as globalSetup.',
    );
  }
  return url;
}

/** The test broker's bootstrap servers, or undefined when Kafka is not available. */
export function kafkaBrokers(): string[] | undefined {
  const brokers = (process.env.SAEIL_TEST_KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  return brokers.length ? brokers : undefined;
}

function kafkaSkipReason(): string {
  return (
    process.env.SAEIL_TEST_KAFKA_SKIP_REASON ||
    'no Kafka broker: SAEIL_TEST_KAFKA_BROKERS is empty (was tests/support/global-setup.ts run as globalSetup?)'
  );
}

type DescribeName = Parameters<jest.Describe>[0];
type DescribeBody = Parameters<jest.Describe>[1];

/**
 * `describe` for suites that need Kafka. Without a broker the suite is skipped with the reason
 * printed, except with CI=true, where a silently skipped suite would hide a broken CI setup: there
 * the suite fails instead.
 */
export const describeKafka: jest.Describe = kafkaBrokers()
  ? describe
  : process.env.CI === 'true'
    ? failingDescribe(kafkaSkipReason())
    : announcedSkip(kafkaSkipReason());

function announcedSkip(reason: string): jest.Describe {
  const skip = (name: DescribeName, body: DescribeBody): void => {
    console.warn(`Skipping "${String(name)}": ${reason}`);
    describe.skip(name, body);
  };
  return Object.assign(skip, { only: skip, skip: describe.skip, each: describe.skip.each }) as jest.Describe;
}

function failingDescribe(reason: string): jest.Describe {
  const fail = (name: DescribeName, _body?: DescribeBody): void => {
    describe(name, () => {
      it('needs a Kafka broker (CI=true)', () => {
        throw new Error(reason);
      });
    });
  };
  const each = (() => (name: DescribeName) => fail(name)) as unknown as jest.Each;
  return Object.assign(fail, { only: fail, skip: describe.skip, each }) as jest.Describe;
}

/**
 * A topic / consumer-group prefix unique to one test file, e.g. "t3f9a1c2e.outbox.".
 * Only [a-z0-9-] besides the dots: Kafka warns when '.' and '_' are mixed in topic names.
 */
export function uniqueTopicPrefix(label: string): string {
  const name = sanitise(label, '-');
  return name ? `t${randomSuffix()}.${name}.` : `t${randomSuffix()}.`;
}

/** Polls `fn` until it returns something truthy, and returns that; throws on timeout. */
export async function waitFor<T>(
  fn: () => Promise<T | undefined | false>,
  opts: { timeoutMs?: number; intervalMs?: number; description?: string } = {},
): Promise<T> {
  const { timeoutMs = 20_000, intervalMs = 100, description = 'condition' } = opts;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await fn();
      if (result) return result;
    } catch (error) {
      lastError = error; // e.g. a table that does not exist yet: keep polling, report it at the end
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until some session is blocked on a lock held by the session `blockerPid` (its
 * `pg_backend_pid()`): the race a test means to stage has then really happened, which a sleep
 * only hopes for.
 */
export async function waitForLockWaiter(
  db: { query(text: string, params?: unknown[]): Promise<any> },
  blockerPid: number,
  description = 'a session waiting on the held lock',
): Promise<void> {
  await waitFor(
    async () => {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
        [blockerPid],
      );
      return n > 0;
    },
    { description, intervalMs: 10 },
  );
}

function sanitise(label: string, separator: '_' | '-'): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '')
    .slice(0, 40);
}

function randomSuffix(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Waits until every projection of a worker reports no lag (embedded: no event past its
 * checkpoint; Kafka: its consumer group's committed offsets at the end of its topics, which move
 * only after a batch's transaction commits). Read models are compared with what was accepted only
 * after this: waiting for one read model, or for a sign such as a status, lets another lag behind.
 */
export async function waitForProjectionsCaughtUp(
  lags: () => Promise<Record<string, number> | string | undefined>,
  timeoutMs = 90_000,
): Promise<void> {
  await waitFor(
    async () => {
      const current = await lags();
      return (
        typeof current === 'object' &&
        Object.keys(current).length > 0 &&
        Object.values(current).every((lag) => lag === 0)
      );
    },
    { description: 'every projection to reach the end of what it reads', timeoutMs },
  );
}
