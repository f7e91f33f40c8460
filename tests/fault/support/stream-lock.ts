import { Client } from 'pg';
import { waitFor } from '../../support/env';

/**
 * Holds the lock `EventStore.append` takes on a stream (`pg_advisory_xact_lock(hashtext(stream))`)
 * from a connection of the test's own, so that commands sent now all read the stream, decide on
 * the same version, and then queue up at the append. `whenWaiting(n)` resolves once n appends
 * are queued; `release()` lets them through in the order PostgreSQL grants the lock.
 * This turns "two counselors press save at the same moment" into a deterministic race.
 */
export interface StreamLock {
  whenWaiting(appends: number): Promise<void>;
  release(): Promise<void>;
}

export async function holdStreamLock(databaseUrl: string, streamId: string): Promise<StreamLock> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [streamId]);
  let released = false;
  return {
    async whenWaiting(appends) {
      await waitFor(
        async () => {
          // Sessions waiting for the very lock this session holds.
          const { rows } = await client.query<{ n: number }>(
            `SELECT count(*)::int AS n
               FROM pg_locks waiting
               JOIN pg_locks held ON held.locktype = 'advisory' AND held.granted AND held.pid = pg_backend_pid()
                AND held.database = waiting.database AND held.classid = waiting.classid
                AND held.objid = waiting.objid AND held.objsubid = waiting.objsubid
              WHERE waiting.locktype = 'advisory' AND NOT waiting.granted`,
          );
          return rows[0].n >= appends;
        },
        { description: `${appends} appends waiting on ${streamId}`, intervalMs: 20 },
      );
    },
    async release() {
      if (released) return;
      released = true;
      try {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [streamId]);
      } finally {
        await client.end();
      }
    },
  };
}
