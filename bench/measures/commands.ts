import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { closedLoop, LoadResult } from '../support/load';
import { HttpClient } from '../support/http';
import { ratio } from '../support/stats';
import { BenchAccounts } from '../support/accounts';
import { counselorOf } from '../../tests/support/auth';

/** A seeded client whose case is open with the service consent, and the center that holds her case now. */
export interface BenchClient {
  clientId: string;
  centerId: string;
}

/** Who records her sessions: a counselor of her center (the only accounts that reach her case, with its supervisor). */
export const sessionRecorderOf = (client: BenchClient) => counselorOf(client.centerId);

/** A counseling session recorded for one of the seeded clients (open case, service consent). */
export function sessionBody(occurredOn: string) {
  return {
    channel: 'phone',
    topic: '취업 후 적응 상담',
    durationMinutes: 30,
    notes: '벤치마크: 근무 적응 확인',
    occurredOn,
  };
}

/** The one command the bench drives: POST /clients/:id/counseling-sessions, by a counselor of her center with her token. */
export async function recordSession(
  http: HttpClient,
  accounts: BenchAccounts,
  client: BenchClient,
  occurredOn: string,
): Promise<{ failure?: string; position?: number }> {
  const res = await http.request(
    'POST',
    `/clients/${client.clientId}/counseling-sessions`,
    sessionBody(occurredOn),
    accounts.of(sessionRecorderOf(client)),
  );
  if (res.status !== 201) return { failure: String(res.status) };
  return { position: res.body.position };
}

export interface CommandFigures {
  concurrency: number;
  saeil: LoadResult;
  rawPg: LoadResult;
  /** Saeil commands/s ÷ raw transactions/s. */
  ratio: number;
}

/**
 * Raw baseline: what PostgreSQL does for the same rows with nothing of Saeil around it. Each
 * transaction inserts one event row like the command's (same columns, data and metadata size,
 * the store's INSERT … unnest) and notifies, into a copy of `events` with the same indexes,
 * constraints and sequence (so the read models never see these rows). The events table is the
 * outbox: the event row is the outbox row.
 */
export async function rawAppendLoop(
  pool: Pool,
  template: { data: object; metadata: object },
  concurrency: number,
  seconds: number,
): Promise<LoadResult> {
  return closedLoop(concurrency, seconds, async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const streamId = `counseling-${randomUUID()}`;
      await client.query(
        `INSERT INTO bench_raw_events (event_id, stream_id, stream_version, context, event_type, schema_version, data, metadata)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[])`,
        [
          [randomUUID()],
          [streamId],
          [1],
          ['counseling'],
          ['CounselingSessionRecorded'],
          [1],
          [JSON.stringify({ ...template.data, sessionId: randomUUID() })],
          [JSON.stringify({ ...template.metadata, commandId: randomUUID() })],
        ],
      );
      await client.query(`SELECT pg_notify('bench_raw', '')`);
      await client.query('COMMIT');
      return undefined;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
}

export async function prepareRawTable(pool: Pool): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS bench_raw_events`);
  await pool.query(`CREATE TABLE bench_raw_events (LIKE events INCLUDING ALL)`);
}

export async function measureCommands(
  http: HttpClient,
  accounts: BenchAccounts,
  pool: Pool,
  clients: BenchClient[],
  occurredOn: string,
  template: { data: object; metadata: object },
  concurrencies: number[],
  seconds: number,
): Promise<CommandFigures[]> {
  const figures: CommandFigures[] = [];
  for (const concurrency of concurrencies) {
    await accounts.ready(clients.map(sessionRecorderOf)); // renews ageing tokens, outside the measured loop
    let next = Math.floor(Math.random() * clients.length);
    const saeil = await closedLoop(
      concurrency,
      seconds,
      async () => (await recordSession(http, accounts, clients[next++ % clients.length], occurredOn)).failure,
    );
    const rawPg = await rawAppendLoop(pool, template, concurrency, seconds);
    figures.push({ concurrency, saeil, rawPg, ratio: ratio(saeil.perSecond, rawPg.perSecond) });
  }
  return figures;
}
