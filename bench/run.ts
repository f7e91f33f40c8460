import 'reflect-metadata';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execSync } from 'node:child_process';
import { Pool } from 'pg';
import { loadConfig } from '@saeil/config';
import { SAEIL_MODULES } from '@saeil/app';
import { createRuntime, Runtime } from '@saeil/runtime';
import { ensureDatabase, startEmbeddedPostgres } from '@saeil/database';
import { writeCheckpoint } from '@saeil/event-store';
import { RELAY_CHECKPOINT, Topics } from '@saeil/messaging';
import { seedSynthetic } from '../scripts/seed/seed';
import { startKafkaBroker } from '../tests/support/kafka-broker';
import { HttpClient } from './support/http';
import { BenchAccounts } from './support/accounts';
import { counselorOf, MINISTRY_ANALYST, supervisorOf } from '../tests/support/auth';
import { BenchProcess, startProcess } from './support/processes';
import { closedLoop } from './support/load';
import { BenchClient, measureCommands, prepareRawTable, recordSession, sessionRecorderOf } from './measures/commands';
import { measureRelay } from './measures/relay';
import { measureRebuilds, moveReactorsToHead } from './measures/rebuild';
import { measureLag } from './measures/lag';
import { measureQueries } from './measures/queries';
import { summariseProfile } from './measures/profile';
import { measureWeb, renderWeb } from './measures/web';
import {
  DashboardRenderFigures,
  measureMinistryDashboard,
  renderMinistryDashboard,
} from './measures/ministry-dashboard';
import { renderTable } from './report';

/**
 * `npm run bench`: every figure next to its baseline, measured in this run at the same
 * concurrency. Writes bench/results.json and prints the table bench/README.md shows.
 * Default scale 10,000 clients in 160 centers (a twentieth of a national year, ~90,000 events) so
 * the whole run stays under 15 minutes on 2 shared cores: rebuilding every read model from zero
 * is what grows with the data. `--clients 200000` for the full national year.
 */
const ROOT = path.resolve(__dirname, '..');
const AS_OF = '2026-11-20';
const PERIOD = { from: '2025-11-21', to: AS_OF };

function args() {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '10000' },
      centers: { type: 'string', default: '160' },
      seed: { type: 'string', default: '42' },
      seconds: { type: 'string', default: '10' },
      'relay-events': { type: 'string', default: '50000' },
      // Only section 7 (the web app's initial JavaScript and home-screen time): a minute, no Kafka.
      'web-only': { type: 'boolean', default: false },
      // Only section 1 (commands through HTTP vs raw pg) after seeding and rebuilding: no Kafka,
      // no relay, lag, queries, profile or web app. Writes bench/results-commands.json.
      'commands-only': { type: 'boolean', default: false },
    },
  });
  const n = (k: keyof typeof values) => {
    const v = Number(values[k]);
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a positive whole number`);
    return v;
  };
  return {
    clients: n('clients'),
    centers: n('centers'),
    seed: n('seed'),
    seconds: n('seconds'),
    relayEvents: n('relay-events'),
    webOnly: values['web-only'] === true,
    commandsOnly: values['commands-only'] === true,
  };
}

// The in-process relay's producer would print kafkajs's v2 partitioner notice on every run.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function main(): Promise<void> {
  const opts = args();
  const started = Date.now();
  const loadAtStart = os.loadavg()[0];
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  if (opts.webOnly) {
    const web = await measureWeb(ROOT, log);
    const ministryDashboard = await dashboardFigures();
    writeFileSync(
      path.join(ROOT, 'bench', 'results-web.json'),
      `${JSON.stringify({ date: new Date().toISOString(), commit: git('rev-parse --short HEAD'), web, ministryDashboard }, null, 2)}\n`,
    );
    process.stdout.write(`${[...renderWeb(web), ...renderMinistryDashboard(ministryDashboard)].join('\n')}\n`);
    return;
  }
  const cleanups: (() => Promise<void>)[] = [];
  try {
    // PostgreSQL: DATABASE_URL (a fresh database), or an embedded server of our own.
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'saeil-bench-pg-'));
      const pg = await startEmbeddedPostgres({
        dataDir: dir,
        port: 55_000 + Math.floor(Math.random() * 5000),
        persistent: false,
      });
      cleanups.push(async () => {
        await pg.stop();
        rmSync(dir, { recursive: true, force: true });
      });
      databaseUrl = await ensureDatabase(pg.url, 'saeil_bench');
    }
    if (opts.commandsOnly) {
      await commandsOnly(opts, databaseUrl, cleanups, started, loadAtStart);
      return;
    }
    // Kafka: KAFKA_BROKERS, or a broker of our own.
    let brokers = process.env.KAFKA_BROKERS;
    if (!brokers) {
      const broker = await startKafkaBroker();
      cleanups.push(() => broker.stop());
      brokers = broker.brokers;
    }
    const relayPrefix = `bench${stamp}relay`;
    const kafkaPrefix = `bench${stamp}k`;
    const rawTopics = new Topics(`bench${stamp}raw`);

    log(`database ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}, Kafka ${brokers}`);
    const runtime = await createRuntime(
      loadConfig({
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: 'warn',
        KAFKA_BROKERS: brokers,
        KAFKA_TOPIC_PREFIX: relayPrefix,
      }),
      { modules: SAEIL_MODULES, startWorker: false },
    );
    cleanups.unshift(() => runtime.close());
    const pool = new Pool({ connectionString: databaseUrl, max: runtime.config.DATABASE_POOL_SIZE });
    cleanups.unshift(() => pool.end());

    // 0. The national data set.
    log(`seeding ${opts.clients} clients in ${opts.centers} centers (seed ${opts.seed})`);
    const seed = await seedSynthetic(
      runtime.dataSource,
      {
        seed: opts.seed,
        centers: opts.centers,
        clients: opts.clients,
        asOf: AS_OF,
        window: {
          daysBefore: runtime.config.FOLLOW_UP_WINDOW_DAYS_BEFORE,
          daysAfter: runtime.config.FOLLOW_UP_WINDOW_DAYS_AFTER,
        },
      },
      { batchSize: 1000 },
    );
    log(`seeded: ${seed.eventsWritten} events in ${(seed.ms / 1000).toFixed(1)} s`);

    // Followers read only below the oldest transaction still running anywhere on the server
    // (docs/ARCHITECTURE.md): on a server shared with other work, wait until the seed is visible.
    const waitedForHorizonMs = await waitUntilVisible(pool);
    if (waitedForHorizonMs > 0)
      log(`waited ${waitedForHorizonMs} ms for older transactions elsewhere on the server to end`);

    // 4. Projection rebuilds over it (also brings every read model to the head for what follows).
    const rebuild = await measureRebuilds(runtime, pool, log);
    const reactors = await moveReactorsToHead(runtime);

    // 2. Relay to Kafka vs raw kafkajs.
    const contexts = [
      ...new Set(SAEIL_MODULES.flatMap((m) => [...m.contexts, ...m.projections.flatMap((p) => p.contexts)])),
    ];
    await runtime.bus!.ensureTopics(contexts.map((c) => ({ topic: rawTopics.events(c) })));
    const relay = await measureRelay(runtime, brokers.split(','), rawTopics, opts.relayEvents);
    log(`relay: ${relay.saeilEventsPerSecond}/s vs raw ${relay.rawKafkajsMessagesPerSecond}/s`);
    await moveRelayToHead(runtime);

    const clients = await openClients(pool);
    // Each counselor with her center: her caseload is read by her, logged in.
    const counselors = (
      await pool.query(
        `SELECT DISTINCT ON (data->>'counselorId') data->>'counselorId' AS id, data->>'centerId' AS center_id FROM events WHERE event_type = 'ClientRegistered' ORDER BY data->>'counselorId'`,
      )
    ).rows.map((r) => ({ id: r.id as string, centerId: r.center_id as string }));
    const centers = (
      await pool.query(`SELECT DISTINCT metadata->>'centerId' AS id FROM events WHERE event_type = 'ClientRegistered'`)
    ).rows.map((r) => r.id as string);
    const [template] = (
      await pool.query(`SELECT data, metadata FROM events WHERE event_type = 'CounselingSessionRecorded' LIMIT 1`)
    ).rows;
    await prepareRawTable(pool);
    // The per-address limit on expensive reads would answer 429 to the query step's callers: the
    // bench measures what a query costs, not the limiter.
    const processEnv = { DATABASE_URL: databaseUrl, PORT: '0', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '1000000' };

    // Embedded mode: 1, 3, 5 and memory.
    log('embedded mode: starting worker and api');
    const embedded = await startPair({ ...processEnv });
    const http = new HttpClient(embedded.api.url, 64);
    // Every route needs a token: a counselor of each center sends the commands about its clients.
    const accounts = new BenchAccounts(embedded.api.url);
    log(`logging in a counselor of each of ${new Set(clients.map((c) => c.centerId)).size} centers`);
    await accounts.ready(clients.map(sessionRecorderOf));
    await closedLoop(
      16,
      3,
      async () =>
        (await recordSession(http, accounts, clients[Math.floor(Math.random() * clients.length)], AS_OF)).failure,
    ); // warm-up
    const commands = await measureCommands(http, accounts, pool, clients, AS_OF, template, [1, 16, 64], opts.seconds);
    for (const c of commands) log(`c=${c.concurrency}: ${c.saeil.perSecond}/s vs raw ${c.rawPg.perSecond}/s`);
    const maxPerSecond = Math.max(...commands.map((c) => c.saeil.perSecond));
    const lagRate = Math.max(1, Math.round(maxPerSecond / 2));
    const lagEmbedded = await measureLag(
      'embedded',
      http,
      accounts,
      pool,
      'caseload',
      clients,
      AS_OF,
      lagRate,
      opts.seconds + 5,
    );
    log(`lag embedded: p50 ${lagEmbedded.lagMs.p50} ms p99 ${lagEmbedded.lagMs.p99} ms`);
    const pick = <T>(list: T[], n: number) => list[(n * 7919) % list.length];
    // Each read by whom it is for: the counselor her caseload, the center's supervisor its figures, the Ministry analyst the nation's.
    const queries = await measureQueries(
      http,
      accounts,
      [
        {
          name: "a counselor's caseload now",
          path: (n) => `/caseload?counselorId=${pick(counselors, n).id}`,
          caller: (n) => counselorOf(pick(counselors, n).centerId),
          callers: counselors.map((c) => counselorOf(c.centerId)),
        },
        {
          name: 'retention, one center × placement month',
          path: (n) =>
            `/statistics/retention?level=center&id=${pick(centers, n)}&from=${PERIOD.from}&to=${PERIOD.to}&by=placementMonth`,
          caller: (n) => supervisorOf(pick(centers, n)),
          callers: centers.map(supervisorOf),
        },
        {
          name: 'retention, national rollup by 시·도',
          path: () => `/statistics/retention?level=nation&from=${PERIOD.from}&to=${PERIOD.to}&by=region`,
          caller: () => MINISTRY_ANALYST,
          callers: [MINISTRY_ANALYST],
        },
        {
          name: 'employment, national rollup by 시·도',
          path: () => `/statistics/employment?level=nation&from=${PERIOD.from}&to=${PERIOD.to}&by=region`,
          caller: () => MINISTRY_ANALYST,
          callers: [MINISTRY_ANALYST],
        },
      ],
      opts.seconds,
    );
    http.close();
    const memoryEmbedded = await embedded.stop();

    // Where the time goes: the api under the command load at concurrency 16, profiled.
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'saeil-bench-prof-'));
    const profiledApi = await startProcess('api', processEnv, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
    const profiledHttp = new HttpClient(profiledApi.url, 16);
    const profiledAccounts = new BenchAccounts(profiledApi.url);
    await profiledAccounts.ready(clients.map(sessionRecorderOf)); // before the profiled window
    const loadStarted = performance.now();
    const profiledLoad = await closedLoop(
      16,
      opts.seconds,
      async () =>
        (
          await recordSession(
            profiledHttp,
            profiledAccounts,
            clients[Math.floor(Math.random() * clients.length)],
            AS_OF,
          )
        ).failure,
    );
    profiledHttp.close();
    await profiledApi.stop();
    const profile = summariseProfile(profileDir, performance.now() - loadStarted);
    mkdirSync(path.join(ROOT, 'bench', 'profiles'), { recursive: true });
    writeFileSync(
      path.join(ROOT, 'bench', 'profiles', 'api-record-counseling-session.cpuprofile'),
      readFileSync(profile.file),
    );
    rmSync(profileDir, { recursive: true, force: true });

    // Kafka mode: 3 and memory.
    log('Kafka mode: starting worker and api');
    await moveRelayToHead(runtime);
    const kafka = await startPair({ ...processEnv, KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: kafkaPrefix });
    const kafkaHttp = new HttpClient(kafka.api.url, 64);
    const kafkaAccounts = new BenchAccounts(kafka.api.url);
    await kafkaAccounts.ready(clients.map(sessionRecorderOf));
    await closedLoop(
      16,
      3,
      async () =>
        (await recordSession(kafkaHttp, kafkaAccounts, clients[Math.floor(Math.random() * clients.length)], AS_OF))
          .failure,
    );
    await new Promise((r) => setTimeout(r, 3000)); // let the warm-up drain through Kafka
    const lagKafka = await measureLag(
      'kafka',
      kafkaHttp,
      kafkaAccounts,
      pool,
      'caseload',
      clients,
      AS_OF,
      lagRate,
      opts.seconds + 5,
    );
    log(`lag Kafka: p50 ${lagKafka.lagMs.p50} ms p99 ${lagKafka.lagMs.p99} ms`);
    kafkaHttp.close();
    const memoryKafka = await kafka.stop();

    // 7. The web app: its initial JavaScript, and the home screen on a Saeil of its own.
    log('web app: initial JavaScript and the home screen with 200 cases');
    const web = await measureWeb(ROOT, log);
    // 8. The Ministry dashboard's first render with 160 centers × 24 months of reports.
    log('Ministry dashboard: first render at national scale');
    const ministryDashboard = await dashboardFigures();

    const [{ version: postgres }] = (await pool.query(`SELECT current_setting('server_version') AS version`)).rows;
    const results = {
      date: new Date().toISOString(),
      command: `npm run bench -- --clients ${opts.clients} --centers ${opts.centers} --seed ${opts.seed} --seconds ${opts.seconds} --relay-events ${opts.relayEvents}`,
      totalSeconds: 0,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()}`,
        loadAverage1m: { atStart: loadAtStart, atEnd: os.loadavg()[0] },
      },
      versions: {
        saeil: pkg().version,
        commit: git('rev-parse --short HEAD'),
        node: process.version,
        postgres,
        kafka: kafkaVersion(),
        kafkajs: pkg('kafkajs').version,
        pg: pkg('pg').version,
        typeorm: pkg('typeorm').version,
        nest: pkg('@nestjs/core').version,
      },
      settings: {
        DATABASE_POOL_SIZE: runtime.config.DATABASE_POOL_SIZE,
        RELAY_BATCH_SIZE: runtime.config.RELAY_BATCH_SIZE,
        PROJECTION_BATCH_SIZE: runtime.config.PROJECTION_BATCH_SIZE,
        KAFKA_TOPIC_PARTITIONS: runtime.config.KAFKA_TOPIC_PARTITIONS,
        POLL_INTERVAL_MS: runtime.config.POLL_INTERVAL_MS,
      },
      waitedForHorizonMs,
      scale: {
        clients: opts.clients,
        centers: opts.centers,
        seed: opts.seed,
        asOf: AS_OF,
        events: seed.eventsWritten,
        seedSeconds: Math.round(seed.ms / 100) / 10,
        openClientsDriven: clients.length,
      },
      commands,
      relay,
      lag: { targetPerSecond: lagRate, halfOfMaxPerSecond: maxPerSecond, embedded: lagEmbedded, kafka: lagKafka },
      rebuild: { ...rebuild, reactorsMovedToHead: reactors },
      queries,
      memory: { embedded: memoryEmbedded, kafka: memoryKafka, profiledApiPeakMiB: profiledApi.peakRssMiB() },
      profile: { load: profiledLoad, ...profile, file: 'bench/profiles/api-record-counseling-session.cpuprofile' },
      web,
      ministryDashboard,
    };
    results.totalSeconds = Math.round((Date.now() - started) / 1000);
    writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(renderTable(results));
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((e) => log(`cleanup: ${(e as Error).message}`));
  }
}

/** Section 8, or why it could not be measured (no Chromium here): the rest of the bench stands. */
async function dashboardFigures(): Promise<DashboardRenderFigures | { notMeasured: string }> {
  try {
    const figures = await measureMinistryDashboard(5, log);
    log(`Ministry dashboard: first render median ${figures.firstRenderMs.median} ms`);
    return figures;
  } catch (error) {
    return { notMeasured: (error as Error).message };
  }
}

/**
 * `--commands-only`: seed, rebuild every read model to the head (so the worker starts idle, as in
 * the full run), then section 1 alone with the same processes, accounts and warm-up.
 */
async function commandsOnly(
  opts: ReturnType<typeof args>,
  databaseUrl: string,
  cleanups: (() => Promise<void>)[],
  started: number,
  loadAtStart: number,
): Promise<void> {
  const runtime = await createRuntime(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }), {
    modules: SAEIL_MODULES,
    startWorker: false,
  });
  cleanups.unshift(() => runtime.close());
  const pool = new Pool({ connectionString: databaseUrl, max: runtime.config.DATABASE_POOL_SIZE });
  cleanups.unshift(() => pool.end());
  log(`seeding ${opts.clients} clients in ${opts.centers} centers (seed ${opts.seed})`);
  const seed = await seedSynthetic(
    runtime.dataSource,
    {
      seed: opts.seed,
      centers: opts.centers,
      clients: opts.clients,
      asOf: AS_OF,
      window: {
        daysBefore: runtime.config.FOLLOW_UP_WINDOW_DAYS_BEFORE,
        daysAfter: runtime.config.FOLLOW_UP_WINDOW_DAYS_AFTER,
      },
    },
    { batchSize: 1000 },
  );
  await waitUntilVisible(pool);
  await measureRebuilds(runtime, pool, log);
  await moveReactorsToHead(runtime);
  await moveRelayToHead(runtime);
  const clients = await openClients(pool);
  const [template] = (
    await pool.query(`SELECT data, metadata FROM events WHERE event_type = 'CounselingSessionRecorded' LIMIT 1`)
  ).rows;
  await prepareRawTable(pool);
  const pair = await startPair({ DATABASE_URL: databaseUrl, PORT: '0' });
  const http = new HttpClient(pair.api.url, 64);
  const accounts = new BenchAccounts(pair.api.url);
  await accounts.ready(clients.map(sessionRecorderOf));
  await closedLoop(
    16,
    3,
    async () =>
      (await recordSession(http, accounts, clients[Math.floor(Math.random() * clients.length)], AS_OF)).failure,
  ); // warm-up
  const commands = await measureCommands(http, accounts, pool, clients, AS_OF, template, [1, 16, 64], opts.seconds);
  http.close();
  await pair.stop();
  const results = {
    date: new Date().toISOString(),
    command: `npm run bench -- --commands-only --clients ${opts.clients} --centers ${opts.centers} --seed ${opts.seed} --seconds ${opts.seconds}`,
    commit: git('rev-parse --short HEAD'),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      loadAverage1m: { atStart: loadAtStart, atEnd: os.loadavg()[0] },
    },
    scale: {
      clients: opts.clients,
      centers: opts.centers,
      events: seed.eventsWritten,
      openClientsDriven: clients.length,
    },
    totalSeconds: Math.round((Date.now() - started) / 1000),
    commands,
  };
  writeFileSync(path.join(ROOT, 'bench', 'results-commands.json'), `${JSON.stringify(results, null, 2)}\n`);
  const rows = commands.map(
    (c) =>
      `| ${c.concurrency} | ${c.saeil.perSecond} | ${c.saeil.latencyMs.p50} | ${c.saeil.latencyMs.p99} | ${
        Object.entries(c.saeil.failed)
          .map(([k, v]) => `${v}×${k}`)
          .join(', ') || '0'
      } | ${c.rawPg.perSecond} | ${c.rawPg.latencyMs.p50} | ${c.rawPg.latencyMs.p99} | ${c.ratio} |`,
  );
  process.stdout.write(
    [
      '| concurrency | Saeil cmd/s | p50 ms | p99 ms | refused | raw pg tx/s | p50 ms | p99 ms | ratio |',
      '| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n'),
  );
}

/** The worker, then the api, as two real processes; stop() answers their peak RSS. */
async function startPair(env: Record<string, string>) {
  const worker = await startProcess('worker', env);
  const api = await startProcess('api', env);
  const procs: BenchProcess[] = [worker, api];
  return {
    api,
    worker,
    stop: async () => {
      const peak = { apiPeakMiB: api.peakRssMiB(), workerPeakMiB: worker.peakRssMiB() };
      for (const p of procs) await p.stop();
      return peak;
    },
  };
}

/** Waits (at most 5 minutes) until no transaction older than the newest event is running. */
async function waitUntilVisible(pool: Pool): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const { rows } = await pool.query(
      `SELECT (SELECT max(transaction_id) FROM events) < pg_snapshot_xmin(pg_current_snapshot()) AS visible`,
    );
    if (rows[0].visible) return Date.now() - t0;
    if (Date.now() - t0 > 300_000)
      throw new Error(
        'a transaction elsewhere on the PostgreSQL server has been open for 5 minutes: the seeded events stay invisible to followers',
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Clients whose case is open with the service consent: commands about them are accepted. With
 * the center holding her case now (her registration's, or the last transfer's), whose counselor
 * may act on it.
 */
async function openClients(pool: Pool): Promise<BenchClient[]> {
  const { rows } = await pool.query(
    `SELECT e.data->>'clientId' AS id,
            (SELECT h.data->>'centerId' FROM events h
              WHERE h.stream_id = e.stream_id AND h.event_type IN ('ClientRegistered', 'CounselorAssigned')
              ORDER BY h.stream_version DESC LIMIT 1) AS center_id
       FROM events e
      WHERE e.event_type = 'ConsentGiven' AND e.data->>'purpose' = 'service'
        AND NOT EXISTS (SELECT 1 FROM events c WHERE c.stream_id = e.stream_id AND c.event_type = 'CaseClosed')`,
  );
  return rows.map((r) => ({ clientId: r.id as string, centerId: r.center_id as string }));
}

/** The Kafka-mode relay starts at the head: the backlog was relayed (and measured) already. */
async function moveRelayToHead(runtime: Runtime): Promise<void> {
  const [head] = await runtime.dataSource.query(
    `SELECT transaction_id::text AS tx, global_position AS pos FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
  );
  await writeCheckpoint(runtime.dataSource, RELAY_CHECKPOINT, {
    transactionId: head.tx,
    globalPosition: Number(head.pos),
  });
}

function pkg(name?: string): { version: string } {
  return JSON.parse(readFileSync(path.join(ROOT, name ? `node_modules/${name}/package.json` : 'package.json'), 'utf8'));
}

function git(command: string): string {
  try {
    return execSync(`git ${command}`, { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function kafkaVersion(): string {
  const pom = readFileSync(path.join(ROOT, 'tests/support/kafka/pom.xml'), 'utf8');
  return /<kafka\.version>\s*([^<\s]+)/.exec(pom)?.[1] ?? 'unknown';
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
