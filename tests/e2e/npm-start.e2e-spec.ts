import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { freePorts } from '../support/kafka-broker';
import { newClient } from '../support/app';
import { AppProcess, spawnApp } from '../support/processes';

/**
 * What `npm start` does on a fresh machine: no DATABASE_URL, no KAFKA_BROKERS. The process
 * starts its own PostgreSQL with data under SAEIL_DATA_DIR, serves the slice, stops cleanly on
 * Ctrl-C, and finds its data again on the next start.
 */
describe('npm start with nothing configured (embedded PostgreSQL, embedded event feed)', () => {
  let dir: string;
  let app: AppProcess | undefined;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'saeil-start-'));
    chmodSync(dir, 0o755); // postgres runs as its own OS user when we are root
  });
  afterAll(async () => {
    await app?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the slice, stops on SIGINT, and keeps the data across a restart', async () => {
    const [pgPort] = await freePorts(1);
    const env = { SAEIL_DATA_DIR: path.join(dir, 'data'), EMBEDDED_PG_PORT: String(pgPort), PORT: '0' };
    app = await spawnApp('saeil', env, 120_000);
    expect(app.output()).toContain('database embedded PostgreSQL');
    const created = await request(app.url).post('/clients').send(newClient(1, 'counselor-start')).expect(201);
    const seen = await request(app.url).get('/caseload').query({ counselorId: 'counselor-start', minPosition: created.body.position }).expect(200);
    expect(seen.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([created.body.clientId]);

    expect(await app.kill('SIGINT')).toBe(0);

    app = await spawnApp('saeil', env, 120_000);
    const after = await request(app.url).get('/caseload').query({ counselorId: 'counselor-start' }).expect(200);
    expect(after.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([created.body.clientId]);
    expect(await app.kill('SIGINT')).toBe(0);
  }, 240_000);
});
