import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { TEST_ADMIN_ENV } from './auth';

const ROOT = path.resolve(__dirname, '../..');

export interface AppProcess {
  proc: ChildProcess;
  /** Base URL printed at start ("health   http://…/health"). */
  url: string;
  output(): string;
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** What a long-running process keeps of its output (the tail): enough to show why it failed. */
const OUTPUT_KEPT = 200_000;

/**
 * Runs one of the real entry points (apps/<entry>/src/main.ts) as its own Node process, the way
 * `npm start` does but from the TypeScript sources, so tests can SIGKILL it mid-load (and the
 * bench can profile it: `nodeArgs`).
 */
export async function spawnApp(entry: 'saeil' | 'api' | 'worker', env: Record<string, string>, timeoutMs = 60_000, nodeArgs: string[] = []): Promise<AppProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', `apps/${entry}/src/main.ts`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TS_NODE_PROJECT: 'tsconfig.json', LOG_LEVEL: 'warn', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '100000', ...TEST_ADMIN_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-OUTPUT_KEPT));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
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
      reject(new Error(`${entry} exited with ${code} before starting:\n${out}`));
    });
  });
  return {
    proc: child,
    url,
    output: () => out,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
