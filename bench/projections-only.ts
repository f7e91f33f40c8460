import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { loadConfig } from '@saeil/config';
import { SAEIL_MODULES } from '@saeil/app';
import { createRuntime } from '@saeil/runtime';
import { ident } from '@saeil/database';
import { checkpointName, positionsKey } from '@saeil/projections';
import { seedSynthetic } from '../scripts/seed/seed';
import { rawSequentialRead } from './measures/rebuild';
import { ratio } from './support/stats';

/**
 * `npm run bench:projections`: only section 4 of the bench (every read model rebuilt from
 * position zero beside the raw sequential read), and the live catch-up from position zero through
 * the embedded feed (the worker's path: tables emptied, checkpoint and stream positions removed,
 * then `EventStoreFeed.catchUp`). No api, no Kafka: a few minutes at 10,000 clients.
 *
 * DATABASE_URL names the server; the data set goes into the database `--database`
 * (saeil_bench_proj_<clients>), seeded once and reused by later runs (`--fresh` seeds again).
 */
function args() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '10000' },
      centers: { type: 'string', default: '160' },
      seed: { type: 'string', default: '42' },
      database: { type: 'string' },
      only: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'no-live': { type: 'boolean', default: false },
    },
  });
  const clients = Number(values.clients);
  return {
    clients,
    centers: Number(values.centers),
    seed: Number(values.seed),
    database: values.database ?? `saeil_bench_proj_${clients}`,
    only: values.only ? values.only.split(',') : undefined,
    fresh: values.fresh === true,
    live: values['no-live'] !== true,
  };
}

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function main(): Promise<void> {
  const opts = args();
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL must name the PostgreSQL server');
  const admin = new Pool({ connectionString: server, max: 1 });
  if (opts.fresh) await admin.query(`DROP DATABASE IF EXISTS ${ident(opts.database)} WITH (FORCE)`);
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${ident(opts.database)}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${opts.database}`;
  const databaseUrl = url.toString();

  const runtime = await createRuntime(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }), {
    modules: SAEIL_MODULES,
    startWorker: false,
  });
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const [{ n }] = (await pool.query(`SELECT count(*)::int AS n FROM events`)).rows;
    if (n === 0) {
      log(`seeding ${opts.clients} clients in ${opts.centers} centers (seed ${opts.seed}) into ${opts.database}`);
      const seed = await seedSynthetic(
        runtime.dataSource,
        {
          seed: opts.seed,
          centers: opts.centers,
          clients: opts.clients,
          asOf: '2026-11-20',
          window: {
            daysBefore: runtime.config.FOLLOW_UP_WINDOW_DAYS_BEFORE,
            daysAfter: runtime.config.FOLLOW_UP_WINDOW_DAYS_AFTER,
          },
        },
        { batchSize: 1000 },
      );
      log(`seeded: ${seed.eventsWritten} events in ${(seed.ms / 1000).toFixed(1)} s`);
    } else {
      log(`reusing ${opts.database}: ${n} events`);
    }
    const batchSize = runtime.config.PROJECTION_BATCH_SIZE;
    // The raw read swings with what else runs on the machine: read twice and keep the quicker, so
    // the ratios are not flattered by a slow baseline.
    const reads = [await rawSequentialRead(pool, batchSize), await rawSequentialRead(pool, batchSize)];
    const raw = reads.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));
    log(`raw sequential read: ${raw.events} events, ${reads.map((r) => r.eventsPerSecond).join(' and ')}/s`);
    const selected = runtime.projections.filter(
      (p) => p.tables.length > 0 && (!opts.only || opts.only.includes(p.name)),
    );
    const rows: string[] = [];
    for (const projection of selected) {
      const report = await runtime.rebuilder.rebuild(projection);
      const perSecond = Math.round(report.events / (report.ms / 1000));
      let live = '';
      if (opts.live) {
        const runner = runtime.worker.runners.find((r) => r.projection.name === projection.name)!;
        await pool.query(`DELETE FROM checkpoints WHERE name = $1`, [checkpointName(projection.name, 'live')]);
        await pool.query(`DELETE FROM projection_stream_positions WHERE projection = $1`, [
          positionsKey(projection.name, 'live'),
        ]);
        await pool.query(`DELETE FROM dead_letters WHERE projection = $1`, [positionsKey(projection.name, 'live')]);
        for (const table of projection.tables) await pool.query(`TRUNCATE ${ident(table)}`);
        const t0 = performance.now();
        await runtime.worker.storeFeed!.catchUp(runner);
        const seconds = (performance.now() - t0) / 1000;
        const livePerSecond = Math.round(raw.events / seconds);
        live = ` | ${seconds.toFixed(1)} | ${livePerSecond.toLocaleString('en')} | ${ratio(livePerSecond, raw.eventsPerSecond)}`;
      }
      const line = `| ${projection.name} | ${(report.ms / 1000).toFixed(1)} | ${perSecond.toLocaleString('en')} | ${ratio(perSecond, raw.eventsPerSecond)}${live} |`;
      log(line);
      rows.push(line);
    }
    process.stdout.write(
      [
        `${raw.events.toLocaleString('en')} events (${opts.clients} clients); raw sequential read ${raw.eventsPerSecond.toLocaleString('en')} events/s; batch ${batchSize}`,
        '',
        `| projection | rebuild s | rebuild events/s | ÷ raw |${opts.live ? ' live catch-up s | events/s | ÷ raw |' : ''}`,
        `| --- | ---: | ---: | ---: |${opts.live ? ' ---: | ---: | ---: |' : ''}`,
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await pool.end();
    await runtime.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
