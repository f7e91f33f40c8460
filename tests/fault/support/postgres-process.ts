import { ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePorts } from '../../support/kafka-broker';
import { killGroup } from '../../support/processes';

const ROOT = path.resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 90_000;
/** A fast shutdown not done in this time is ended with SIGKILL to the wrapper and its PostgreSQL. */
const STOP_GRACE_MS = 30_000;

/** A PostgreSQL server of one test's own, which the test may stop and start again. */
export interface DedicatedPostgres {
  /** URL of the `postgres` maintenance database. */
  url: string;
  /** Fast shutdown (in-flight transactions roll back, sessions are cut); data kept. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and deletes its data. */
  dispose(): Promise<void>;
}

export async function startDedicatedPostgres(): Promise<DedicatedPostgres> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'saeil-fault-pg-'));
  await chmod(dir, 0o755); // as root, postgres runs as the `postgres` user and must enter it
  const [port] = await freePorts(1);
  let child: ChildProcess | undefined;
  let url = '';

  const start = async () => {
    const launched = await launch(path.join(dir, 'data'), port);
    child = launched.child;
    url = launched.url;
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    const escalate = setTimeout(() => void killGroup(running.pid!), STOP_GRACE_MS);
    await exited;
    clearTimeout(escalate);
    // the wrapper has stopped its PostgreSQL; anything of its group still there is ended
    await killGroup(running.pid!);
  };

  await start();
  return {
    get url() {
      return url;
    },
    stop,
    start,
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'tests/fault/support/postgres-main.ts', dataDir, String(port)],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TS_NODE_PROJECT: 'tsconfig.json' },
      stdio: ['pipe', 'pipe', 'pipe'],
      // its own process group: the PostgreSQL the wrapper starts can be ended with it
      detached: true,
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void killGroup(child.pid!);
      reject(new Error(`dedicated PostgreSQL not ready after ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /^ready (\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dedicated PostgreSQL exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { child, url };
}
