import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface BenchProcess {
  name: string;
  proc: ChildProcess;
  url: string;
  /** Peak resident set size so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  /** SIGTERM and wait for exit (a --cpu-prof process writes its profile then). */
  stop(): Promise<void>;
  output(): string;
}

/**
 * Runs a real entry point (apps/<entry>/src/main.ts) as its own process, from the TypeScript
 * sources like tests/support/processes.ts, with extra Node flags (e.g. --cpu-prof).
 */
export async function startProcess(entry: 'api' | 'worker', env: Record<string, string>, nodeArgs: string[] = []): Promise<BenchProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', `apps/${entry}/src/main.ts`], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TS_NODE_PROJECT: 'tsconfig.json', LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr!.on('data', (d) => (out = (out + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within 120 s:\n${out}`)), 120_000);
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
  let lastPeak = 0;
  const peakRssMiB = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (match) lastPeak = Math.round((Number(match[1]) / 1024) * 10) / 10;
    } catch {
      // exited: keep the last figure read
    }
    return lastPeak;
  };
  return {
    name: entry,
    proc: child,
    url,
    peakRssMiB,
    output: () => out,
    stop: async () => {
      peakRssMiB();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
