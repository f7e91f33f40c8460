import type { DataSource, QueryRunner } from 'typeorm';
import pino from 'pino';
import { todayInKorea } from '@saeil/core';
import { PrivacyVault, resolveMasterKeyring } from '@saeil/privacy';
import { IdentityHasher, identityHashSecret } from '../../libs/intake/src/identity/identity-hasher';
import { BulkWriter } from './bulk-writer';
import { CenterPlan, planCenters, planClient, seedAccountsOf, SeedOptions } from './plan';

export interface SeedProgress {
  clientsDone: number;
  clientsTotal: number;
  eventsWritten: number;
}

export interface SeedReport extends SeedProgress {
  resumedAt: number;
  ms: number;
}

/**
 * The seed's own bookkeeping, beside the events: which data set this database holds and how far
 * it got. Updated in the transaction of each batch, so a stopped run resumes exactly after the
 * last batch committed and never writes a case twice.
 */
const PROGRESS_TABLE = `CREATE TABLE IF NOT EXISTS seed_synthetic_progress (
  id integer PRIMARY KEY CHECK (id = 1),
  seed integer NOT NULL,
  centers integer NOT NULL,
  as_of date NOT NULL,
  clients_done integer NOT NULL,
  events_written bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
)`;

interface ProgressRow {
  seed: number;
  centers: number;
  as_of: string;
  clients_done: number;
  events_written: string;
}

export async function seedSynthetic(
  dataSource: DataSource,
  options: SeedOptions,
  run: {
    batchSize?: number;
    today?: string;
    onProgress?: (p: SeedProgress) => void;
    /** Seals the registrations; built from PRIVACY_MASTER_KEY (or the installation's generated key) when not given. */
    vault?: Pick<PrivacyVault, 'sealEach'>;
    /**
     * Where the keys come from, as the api reads them: PRIVACY_MASTER_KEY, IDENTITY_HASH_KEY,
     * NODE_ENV and SAEIL_DATA_DIR (whose keys/ holds the generated ones). Default: process.env.
     */
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<SeedReport> {
  const started = Date.now();
  const today = run.today ?? todayInKorea();
  if (options.asOf > today)
    throw new Error(`--as-of ${options.asOf} is after today (${today}): commands dated in the future are refused`);
  await dataSource.query(PROGRESS_TABLE);
  const [existing] = (await dataSource.query(
    `SELECT seed, centers, as_of::text, clients_done, events_written FROM seed_synthetic_progress WHERE id = 1`,
  )) as ProgressRow[];
  if (
    existing &&
    (existing.seed !== options.seed || existing.centers !== options.centers || existing.as_of !== options.asOf)
  ) {
    throw new Error(
      `this database holds seed ${existing.seed} with ${existing.centers} centers as of ${existing.as_of}: use the same --seed, --centers and --as-of (or a fresh database)`,
    );
  }
  if (!existing) {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM events`);
    if (n > 0)
      throw new Error(`the database already holds ${n} events that are not from this seed: use a fresh database`);
  }

  const centers = planCenters(options);
  const env = run.env ?? process.env;
  const vault = run.vault ?? (await vaultFromEnvironment(dataSource, env));
  const writer = new BulkWriter(
    new IdentityHasher(identityHashSecret(env)),
    (items, runner) => vault.sealEach(items, runner),
    today,
    options.seed,
    options.window,
  );
  const batchSize = run.batchSize ?? 1000;
  let clientsDone = existing?.clients_done ?? 0;
  let eventsWritten = Number(existing?.events_written ?? 0);
  const resumedAt = clientsDone;

  if (existing) {
    // The courses' streams carry on across batches: read back what the earlier run wrote.
    const courses: { stream_id: string; stream_version: number; event_type: string; data: Record<string, unknown> }[] =
      await dataSource.query(
        `SELECT stream_id, stream_version, event_type, data FROM events WHERE stream_id LIKE 'course-%' ORDER BY stream_id, stream_version`,
      );
    writer.restoreStreams(
      courses.map((e) => ({
        streamId: e.stream_id,
        streamVersion: e.stream_version,
        type: e.event_type,
        data: e.data,
      })),
    );
  }

  const commit = async (nextDone: number, work: (runner: QueryRunner) => Promise<void>) => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // Two runs on one database must not interleave: the row lock makes the second wait, then
      // it finds the count moved and stops instead of writing the same cases again.
      const [row] = await runner.query(`SELECT clients_done FROM seed_synthetic_progress WHERE id = 1 FOR UPDATE`);
      if (row && row.clients_done !== clientsDone)
        throw new Error(
          `another seed run wrote up to client ${row.clients_done} meanwhile: stopping (rerun to continue)`,
        );
      // Deciding inside the transaction: the batch's data keys are issued in it.
      await work(runner);
      const written = await writer.flush(runner);
      await runner.query(
        `INSERT INTO seed_synthetic_progress (id, seed, centers, as_of, clients_done, events_written) VALUES (1, $1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET clients_done = EXCLUDED.clients_done, events_written = EXCLUDED.events_written, updated_at = now()`,
        [options.seed, options.centers, options.asOf, nextDone, eventsWritten + written],
      );
      await runner.commitTransaction();
      eventsWritten += written;
      clientsDone = nextDone;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    run.onProgress?.({ clientsDone, clientsTotal: options.clients, eventsWritten });
  };

  // Their counselors' accounts (again on a resume: the ones there are kept).
  await insertSeedAccounts(dataSource, centers);
  // The centers' courses first, in the transaction that creates the progress row.
  if (!existing) await commit(0, async () => centers.forEach((c) => writer.createCourses(c)));
  while (clientsDone < options.clients) {
    const upTo = Math.min(options.clients, clientsDone + batchSize);
    const from = clientsDone;
    await commit(upTo, (runner) =>
      writer.applyClients(
        Array.from({ length: upTo - from }, (_, k) => ({
          index: from + k,
          steps: planClient(options, centers, from + k),
        })),
        runner,
      ),
    );
  }
  return { clientsDone, clientsTotal: options.clients, eventsWritten, resumedAt, ms: Date.now() - started };
}

/**
 * The planned counselors as accounts (role counselor, of their center), so the cases name real
 * accounts as the api requires. No password opens them (the hash is no argon2 hash): an
 * administrator sets one (POST /accounts/:id/password-reset) to log in as one of them.
 */
export async function insertSeedAccounts(
  dataSource: Pick<DataSource, 'query'>,
  centers: CenterPlan[],
): Promise<number> {
  const accounts = seedAccountsOf(centers);
  if (accounts.length === 0) return 0;
  const inserted: unknown[] = await dataSource.query(
    `INSERT INTO accounts (account_id, username, display_name, role, center_id, password_hash)
     SELECT a.id::uuid, a.username, a.name, 'counselor', a.center, '!seed-no-login'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS a(id, username, name, center)
     ON CONFLICT DO NOTHING RETURNING account_id`,
    [
      accounts.map((a) => a.accountId),
      accounts.map((a) => a.username),
      accounts.map((a) => a.displayName),
      accounts.map((a) => a.centerId),
    ],
  );
  return inserted.length;
}

/** The vault the api would use on this database: PRIVACY_MASTER_KEY, or outside production the installation's generated key. */
async function vaultFromEnvironment(dataSource: DataSource, env: NodeJS.ProcessEnv): Promise<PrivacyVault> {
  const logger = pino({ level: 'warn' });
  const keyring = await resolveMasterKeyring(env, env.NODE_ENV, dataSource, logger);
  return new PrivacyVault({ dataSource, keyring, logger });
}
