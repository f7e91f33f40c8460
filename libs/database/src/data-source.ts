import { DataSource, MigrationInterface } from 'typeorm';
import { EventStore1732240000000 } from './migrations/1732240000000-event-store';
import { IdempotencyStream1732280000100 } from './migrations/1732280000100-idempotency-stream';
import { IdempotencyOwner1732290000400 } from './migrations/1732290000400-idempotency-owner';

type MigrationClass = new () => MigrationInterface;

export const platformMigrations: MigrationClass[] = [
  EventStore1732240000000,
  IdempotencyStream1732280000100,
  IdempotencyOwner1732290000400,
];

/**
 * TypeORM is used for its pooled connection, transactions and migrations. The schema is only
 * ever changed by migrations (`synchronize` stays off); modules add their own migrations.
 */
export function createDataSource(url: string, migrations: MigrationClass[], poolSize = 20): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: [...platformMigrations, ...migrations],
    migrationsTableName: 'schema_migrations',
    logging: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000, application_name: 'saeil' },
  });
}

interface PgClientLike {
  on(event: 'error', listener: (error: Error & { code?: string }) => void): unknown;
}
interface PgPoolLike {
  on(event: 'connect', listener: (client: PgClientLike) => void): unknown;
  _clients?: PgClientLike[];
}

/**
 * A pooled connection the server closes while it is checked out but between queries (PostgreSQL
 * stopping or restarting: FATAL 57P01) emits 'error' with nobody listening — pg's pool listens
 * only while a connection is idle — and an unheard 'error' ends the process: `npm run
 * start:worker` died so on Ctrl-C, and would on a database restart. Every connection of the pool
 * gets a listener: the error is reported here, and the query that next uses the connection fails
 * and releases it, which the callers already handle (a batch is retried, a request answers 503).
 */
export function reportPooledConnectionErrors(
  dataSource: DataSource,
  report: (error: Error & { code?: string }) => void,
): void {
  const pool = (dataSource.driver as unknown as { master?: PgPoolLike }).master;
  if (!pool) return;
  for (const client of pool._clients ?? []) client.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
}

/** Runs pending migrations under an advisory lock, so two processes starting together do not race. */
export async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(7411001)');
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(7411001)').catch(() => undefined);
    await runner.release();
  }
}
