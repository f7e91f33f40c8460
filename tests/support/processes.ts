import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { TEST_ADMIN_ENV } from './auth';

const ROOT = path.resolve(__dirname, '../..');

export interface AppProcess {
  proc: ChildProcess;
  /** Base URL printed at start ("health   http://…/health"). */
  url: string;
  output(): string;
  /**
   * Sends a signal (to the whole process group for `npm start`) and waits for the process to exit;
   * a SIGTERM or SIGINT not obeyed within STOP_GRACE_MS is followed by SIGKILL to its whole group.
   * After a SIGKILL, waits until nothing of its process group is left (its embedded PostgreSQL
   * included), so that the caller may delete its data directory.
   */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** How long a stop signal is given before SIGKILL follows. */
const STOP_GRACE_MS = 30_000;

export type Entry = 'saeil' | 'api' | 'worker';

/** What a long-running process keeps of its output (the tail): enough to show why it failed. */
const OUTPUT_KEPT = 200_000;

/** The environment a spawned process starts from: nothing of the harness's but PATH and HOME. */
const BASE_ENV = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_EXPENSIVE_PER_MINUTE: '100000',
  ...TEST_ADMIN_ENV,
};

/**
 * The process group of every process this test file started (each starts its own group), killed
 * when the file ends, pass or fail, even when the process itself has exited: what it started (an
 * embedded PostgreSQL left behind by a SIGKILLed app) must not outlive the test.
 */
const groups = new Set<number>();
if (typeof afterAll === 'function') {
  afterAll(async () => {
    await Promise.all([...groups].map((pid) => killGroup(pid)));
    groups.clear();
  });
}

/** SIGKILL to a whole process group, then waits (bounded) until none of it is left. */
export async function killGroup(pid: number): Promise<void> {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    return; // no such group: nothing left
  }
  for (let waited = 0; waited < 10_000; waited += 50) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Runs one of the real entry points as its own Node process, so tests can SIGKILL it mid-load
 * (and the bench can profile it: `nodeArgs`). It runs the compiled build (`dist/`, what
 * `npm start` runs) when that build is newer than every source file, which is the case in
 * `npm test` (it builds first); otherwise the TypeScript sources through ts-node, slower to
 * start, so that a single spec run by hand never tests a stale build.
 */
export async function spawnApp(
  entry: Entry,
  env: Record<string, string>,
  timeoutMs = 60_000,
  nodeArgs: string[] = [],
): Promise<AppProcess> {
  const compiled = compiledEntry(entry);
  const args = compiled
    ? [...nodeArgs, '--enable-source-maps', compiled]
    : [
        ...nodeArgs,
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        `apps/${entry}/src/main.ts`,
      ];
  return startAndWaitForHealth(
    entry,
    process.execPath,
    args,
    { cwd: ROOT, env: { TS_NODE_PROJECT: 'tsconfig.json', ...BASE_ENV, ...env } },
    timeoutMs,
  );
}

/**
 * `npm start` itself (or another npm script that serves), in `dir` (a copy of the tree): npm runs the build and then the compiled
 * entry point, exactly as a user's terminal does. It runs in its own process group, so that
 * `kill('SIGINT')` is what Ctrl-C in that terminal sends: the signal to npm and all it started.
 */
export async function spawnNpmStart(
  dir: string,
  env: Record<string, string>,
  timeoutMs = 180_000,
  script = 'start',
): Promise<AppProcess> {
  const nodeBin = path.dirname(process.execPath);
  const pathWithNode = `${nodeBin}${path.delimiter}${BASE_ENV.PATH}`;
  return startAndWaitForHealth(
    `npm run ${script}`,
    'npm',
    ['run', script],
    { cwd: dir, env: { ...BASE_ENV, PATH: pathWithNode, ...env }, detached: true },
    timeoutMs,
  );
}

/** The compiled entry point when `dist/` holds a build newer than every source it was built from. */
export function compiledEntry(entry: Entry, root = ROOT): string | undefined {
  const main = path.join(root, 'dist', 'apps', entry, 'src', 'main.js');
  if (!existsSync(main)) return undefined;
  const built = statSync(main).mtimeMs;
  const newer = ['apps', 'libs', 'scripts'].some((dir) => newestSource(path.join(root, dir)) > built);
  return newer ? undefined : main;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // The web app is built apart (into dist/web) and is no source of the server's entry points.
    if (
      entry.isDirectory() &&
      (entry.name === 'node_modules' || (path.basename(dir) === 'apps' && entry.name === 'web'))
    )
      continue;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Signals the process, or with `group` its whole process group (which outlives it when npm exits first). */
function signalTree(child: ChildProcess, signal: NodeJS.Signals, group = false): void {
  if (child.pid === undefined) return;
  if (!group && (child.exitCode !== null || child.signalCode !== null)) return;
  try {
    if (group) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // already gone
  }
}

async function startAndWaitForHealth(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; detached?: boolean },
  timeoutMs: number,
): Promise<AppProcess> {
  const group = options.detached === true;
  // Every child leads its own process group, so that what it starts can be found and ended;
  // `group` says whether kill() signals the group (npm start, as a terminal's Ctrl-C) or the
  // process alone (an app crashing by itself).
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) groups.add(child.pid);
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-OUTPUT_KEPT));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (group) signalTree(child, 'SIGKILL', true); // npm gone: nothing it started may outlive it
      resolve(code);
    }),
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${out}`)),
        timeoutMs,
      );
      const check = () => {
        const match = /health\s+(http:\/\/\S+)\/health/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with ${code} before starting:\n${out}`));
      });
    });
    return {
      proc: child,
      url,
      output: () => out,
      kill: async (signal = 'SIGTERM') => {
        signalTree(child, signal, group);
        const escalate =
          signal === 'SIGKILL' ? undefined : setTimeout(() => signalTree(child, 'SIGKILL', true), STOP_GRACE_MS);
        const code = await exited;
        clearTimeout(escalate);
        if (signal === 'SIGKILL' && child.pid !== undefined) await killGroup(child.pid);
        return code;
      },
    };
  } catch (error) {
    // A start that timed out or failed leaves nothing running behind the test, its group included.
    signalTree(child, 'SIGKILL', true);
    await exited;
    if (child.pid !== undefined) await killGroup(child.pid);
    throw error;
  }
}
