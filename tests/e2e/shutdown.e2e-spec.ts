import { embeddedClusterDir } from '@saeil/database';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newClient } from '../support/app';
import { api, counselorAccount, supervisorOf } from '../support/auth';
import { freePorts } from '../support/kafka-broker';
import { AppProcess, spawnApp } from '../support/processes';

/** What a clean stop must not print: a log line at error level or above, an error outside the JSON log, a stack frame. */
function troubleIn(output: string): string[] {
  return output.split('\n').filter((line) => {
    if (/^\s+at /.test(line) || line.includes('\\n    at ')) return true;
    try {
      const entry = JSON.parse(line) as { level?: number };
      return typeof entry.level === 'number' && entry.level >= 50;
    } catch {
      return /error/i.test(line);
    }
  });
}

/**
 * Stopping `npm start` (api, worker and the embedded PostgreSQL in one process) is not an
 * error: Ctrl-C in a terminal sends SIGINT to the whole foreground group — the Node process and
 * the PostgreSQL it started — and `docker stop` sends SIGTERM to the process. Either way it stops
 * its loops, HTTP, its connections and then PostgreSQL, in that order, exits 0, and logs no error
 * and no stack ("LISTEN connection lost", "projection batch failed" with their stacks before).
 * Logged at info, so that a failure downgraded to info would still show its stack here.
 */
describe('stopping npm start', () => {
  let dir: string;
  let app: AppProcess | undefined;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'saeil-stop-'));
    chmodSync(dir, 0o755); // postgres runs as its own OS user when we are root
  });
  afterAll(async () => {
    await app?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 without an error line or a stack trace on Ctrl-C (SIGINT to the process and its PostgreSQL) and on SIGTERM', async () => {
    const [pgPort] = await freePorts(1);
    const dataDir = path.join(dir, 'data');
    const env = { SAEIL_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: '0', LOG_LEVEL: 'info' };
    const stops: { how: string; stop: (app: AppProcess) => Promise<number | null> }[] = [
      {
        how: 'Ctrl-C',
        stop: async (running) => {
          const postmaster = Number.parseInt(
            readFileSync(path.join(embeddedClusterDir(dataDir), 'postmaster.pid'), 'utf8').split('\n')[0],
            10,
          );
          const exited = running.kill('SIGINT');
          process.kill(postmaster, 'SIGINT');
          return exited;
        },
      },
      { how: 'SIGTERM', stop: (running) => running.kill('SIGTERM') },
    ];
    for (const [i, { how, stop }] of stops.entries()) {
      app = await spawnApp('saeil', env, 120_000);
      // Work under way when the signal comes: a registration the projections and reactors follow.
      const supervisor = await api(app.url, supervisorOf('center-naju'));
      await supervisor
        .post('/clients')
        .send(newClient(700 + i, await counselorAccount(app.url, 'center-naju', 'stop')))
        .expect(201);
      const code = await stop(app);
      const output = app.output();
      app = undefined;
      expect({ how, code, trouble: troubleIn(output) }).toEqual({ how, code: 0, trouble: [] });
      expect(output).toContain('"msg":"stopping"'); // the stop ran and logged at info: the check above saw its lines
    }
  }, 360_000);
});
