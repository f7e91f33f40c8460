import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { spawnApp } from '../../tests/support/processes';

export interface BenchProcess {
  name: string;
  proc: ChildProcess;
  url: string;
  output(): string;
  /** Peak resident set size so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  /** SIGTERM and wait for exit (a --cpu-prof process writes its profile then). */
  stop(): Promise<void>;
}

/**
 * A real entry point run as its own process by the tests' `spawnApp`, with extra Node flags
 * (e.g. --cpu-prof) and its peak memory read from /proc.
 */
export async function startProcess(
  entry: 'api' | 'worker',
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<BenchProcess> {
  const app = await spawnApp(entry, { NODE_ENV: 'development', ...env }, 120_000, nodeArgs);
  let lastPeak = 0;
  const peakRssMiB = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${app.proc.pid}/status`, 'utf8'));
      if (match) lastPeak = Math.round((Number(match[1]) / 1024) * 10) / 10;
    } catch {
      // exited: keep the last figure read
    }
    return lastPeak;
  };
  return {
    name: entry,
    proc: app.proc,
    url: app.url,
    peakRssMiB,
    output: app.output,
    stop: async () => {
      peakRssMiB();
      await app.kill('SIGTERM');
    },
  };
}
