import { DataSource, MigrationInterface } from 'typeorm';
import { EventStore1732240000000 } from './migrations/1732240000000-event-store';
import { IdempotencyStream1732280000100 } from './migrations/1732280000100-idempotency-stream';
import { IdempotencyOwner1732290000400 } from './migrations/1732290000400-idempotency-owner';

type MigrationClass = new () => MigrationInterface;

export const platformMigrations: MigrationClass[] = [EventStore1732240000000, IdempotencyStream1732280000100, IdempotencyOwner1732290000400];

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
