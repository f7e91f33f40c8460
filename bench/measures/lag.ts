import { Pool } from 'pg';
import { openLoop } from '../support/load';
import { HttpClient } from '../support/http';
import { summarise, LatencySummary } from '../support/stats';
import { BenchAccounts } from '../support/accounts';
import { BenchClient, recordSession, sessionRecorderOf } from './commands';

export interface LagFigures {
  mode: 'embedded' | 'kafka';
  targetPerSecond: number;
  achievedPerSecond: number;
  accepted: number;
  reachedReadModel: number;
  lagMs: LatencySummary;
}

/**
 * End-to-end lag: from the moment the command's answer arrives (accepted, position known) to
 * the moment the caseload read model has applied that event (its per-stream position, which is
 * what ?minPosition= waits on). One poller asks PostgreSQL every 5 ms for all pending streams,
 * so the figure is exact to about 5 ms plus one query.
 */
export async function measureLag(
  mode: LagFigures['mode'],
  http: HttpClient,
  accounts: BenchAccounts,
  pool: Pool,
  projection: string,
  clients: BenchClient[],
  occurredOn: string,
  ratePerSecond: number,
  seconds: number,
): Promise<LagFigures> {
  await accounts.ready(clients.map(sessionRecorderOf)); // renews ageing tokens before the clock starts
  const pending = new Map<string, { position: number; acceptedAt: number }>();
  const lags: number[] = [];
  let polling = true;
  let lastAccepted = performance.now();
  const poller = (async () => {
    while (polling || pending.size > 0) {
      await new Promise((r) => setTimeout(r, 5));
      if (pending.size === 0) continue;
      const { rows } = await pool.query(
        `SELECT stream_id, global_position FROM projection_stream_positions WHERE projection = $1 AND stream_id = ANY($2)`,
        [projection, [...pending.keys()]],
      );
      const now = performance.now();
      for (const row of rows) {
        const p = pending.get(row.stream_id);
        if (p && Number(row.global_position) >= p.position) {
          lags.push(now - p.acceptedAt);
          pending.delete(row.stream_id);
        }
      }
      if (!polling && now - lastAccepted > 30_000) break; // give up on stragglers after 30 s
    }
  })();
  let accepted = 0;
  let next = Math.floor(Math.random() * clients.length);
  const run = await openLoop(ratePerSecond, seconds, async () => {
    const client = clients[next++ % clients.length];
    const streamId = `counseling-${client.clientId}`;
    if (pending.has(streamId)) return; // one outstanding command per stream keeps the match exact
    const { position } = await recordSession(http, accounts, client, occurredOn);
    if (position === undefined) return;
    accepted += 1;
    lastAccepted = performance.now();
    pending.set(streamId, { position, acceptedAt: lastAccepted });
  });
  polling = false;
  await poller;
  return {
    mode,
    targetPerSecond: ratePerSecond,
    achievedPerSecond: Math.round(accepted / run.seconds),
    accepted,
    reachedReadModel: lags.length,
    lagMs: summarise(lags),
  };
}
