import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '@saeil/config';
import { SAEIL_MODULES } from '@saeil/app';
import { createRuntime } from '@saeil/runtime';
import { seedSynthetic, SeedProgress } from './seed/seed';

/**
 * `npm run seed:synthetic -- --centers 160 --clients 200000 --seed 42`: a deterministic national
 * data set (scripts/seed/plan.ts) written by the bulk path (scripts/seed/bulk-writer.ts) into
 * DATABASE_URL, or the embedded PostgreSQL as `npm start` uses it. Rerunning after a stop
 * continues after the last committed batch; a larger --clients extends the same data set.
 */
const USAGE =
  'usage: npm run seed:synthetic -- [--centers 160] [--clients 200000] [--seed 42] [--as-of 2026-11-20] [--batch 1000]';

function options() {
  const { values } = parseArgs({
    options: {
      centers: { type: 'string', default: '160' },
      clients: { type: 'string', default: '200000' },
      seed: { type: 'string', default: '42' },
      'as-of': { type: 'string', default: '2026-11-20' },
      batch: { type: 'string', default: '1000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const int = (name: keyof typeof values, min: number, max: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max) {
      process.stderr.write(`--${name} must be a whole number from ${min} to ${max}, got ${values[name]}\n${USAGE}\n`);
      process.exit(2);
    }
    return n;
  };
  const asOf = values['as-of']!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    process.stderr.write(`--as-of must be a day (YYYY-MM-DD), got ${asOf}\n`);
    process.exit(2);
  }
  return {
    centers: int('centers', 1, 1000),
    clients: int('clients', 1, 5_000_000),
    seed: int('seed', 0, 2 ** 31 - 1),
    asOf,
    batch: int('batch', 1, 50_000),
  };
}

/** One line, redrawn in place on a terminal; every 10 % elsewhere (CI logs). */
function progressLine(started: number) {
  let lastDecile = -1;
  return (p: SeedProgress) => {
    const fraction = p.clientsTotal === 0 ? 1 : p.clientsDone / p.clientsTotal;
    const elapsed = (Date.now() - started) / 1000;
    const rate = elapsed > 0 ? p.clientsDone / elapsed : 0;
    const eta = rate > 0 ? Math.round((p.clientsTotal - p.clientsDone) / rate) : 0;
    const bar = '#'.repeat(Math.round(fraction * 30)).padEnd(30, '.');
    const line = `[${bar}] ${(fraction * 100).toFixed(1)}% ${p.clientsDone.toLocaleString('en')}/${p.clientsTotal.toLocaleString('en')} clients · ${p.eventsWritten.toLocaleString('en')} events · ETA ${eta}s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
    else if (Math.floor(fraction * 10) > lastDecile) {
      lastDecile = Math.floor(fraction * 10);
      process.stdout.write(`${line}\n`);
    }
  };
}

async function main(): Promise<void> {
  const args = options();
  const config = loadConfig();
  const runtime = await createRuntime(config, { modules: SAEIL_MODULES, startWorker: false });
  const window = { daysBefore: config.FOLLOW_UP_WINDOW_DAYS_BEFORE, daysAfter: config.FOLLOW_UP_WINDOW_DAYS_AFTER };
  try {
    const started = Date.now();
    const report = await seedSynthetic(
      runtime.dataSource,
      { seed: args.seed, centers: args.centers, clients: args.clients, asOf: args.asOf, window },
      {
        batchSize: args.batch,
        onProgress: progressLine(started),
        env: { ...process.env, SAEIL_DATA_DIR: config.SAEIL_DATA_DIR },
      },
    );
    if (process.stdout.isTTY) process.stdout.write('\n');
    const resumed = report.resumedAt > 0 ? ` (resumed after ${report.resumedAt.toLocaleString('en')})` : '';
    process.stdout.write(
      `seeded ${report.clientsDone.toLocaleString('en')} clients in ${args.centers} centers${resumed}: ${report.eventsWritten.toLocaleString('en')} events, ${(report.ms / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await runtime.close();
  }
}

main().catch((error) => {
  process.stderr.write(`\nseed failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
