import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { freePorts } from '../support/kafka-broker';
import { newClient } from '../support/app';
import { AppProcess, spawnApp } from '../support/processes';

/** What the first start prints, once, when SAEIL_ADMIN_PASSWORD is not set. */
const FIRST_ADMINISTRATOR = /First administrator created: user name "([^"]+)", password "([^"]+)"/;

const COUNSELOR = { username: 'kim.counselor', displayName: '김상담', role: 'counselor', centerId: 'center-naju', password: 'naju-sangdam-2026-봄' };

async function login(url: string, username: string, password: string): Promise<string> {
  const response = await request(url).post('/auth/login').send({ username, password }).expect(200);
  return response.body.accessToken as string;
}

/**
 * What `npm start` does on a fresh machine: no DATABASE_URL, no KAFKA_BROKERS, no administrator
 * password. The process starts its own PostgreSQL with data under SAEIL_DATA_DIR, creates the
 * first administrator and prints her generated password once; she logs in and creates a
 * counselor's account, and the counselor serves the slice with her own token. It stops cleanly
 * on Ctrl-C, and finds its data (the accounts with it) again on the next start.
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

  it('prints the first administrator’s password, lets her create a counselor who serves the slice, stops on SIGINT, and keeps the data across a restart', async () => {
    const [pgPort] = await freePorts(1);
    // SAEIL_ADMIN_PASSWORD empty: not configured, as on a fresh machine (the harness would otherwise set one).
    const env = { SAEIL_DATA_DIR: path.join(dir, 'data'), EMBEDDED_PG_PORT: String(pgPort), PORT: '0', SAEIL_ADMIN_PASSWORD: '' };
    app = await spawnApp('saeil', env, 120_000);
    expect(app.output()).toContain('database embedded PostgreSQL');
    const printed = FIRST_ADMINISTRATOR.exec(app.output());
    expect(printed).not.toBeNull();
    const [, adminUsername, adminPassword] = printed!;

    // Nothing is served without a token, even on a fresh start.
    const anonymous = await request(app.url).post('/clients').send(newClient(1, 'counselor-start'));
    expect({ status: anonymous.status, authenticate: anonymous.headers['www-authenticate'] }).toEqual({ status: 401, authenticate: 'Bearer' });

    const admin = await login(app.url, adminUsername, adminPassword);
    const account = await request(app.url).post('/accounts').set('Authorization', `Bearer ${admin}`).send(COUNSELOR).expect(201);
    const accountId: string = account.body.accountId;
    expect(account.body).toMatchObject({ accountId: expect.any(String), username: COUNSELOR.username, role: 'counselor', centerId: 'center-naju' });
    expect(account.body).not.toHaveProperty('passwordHash');

    const counselor = `Bearer ${await login(app.url, COUNSELOR.username, COUNSELOR.password)}`;
    const created = await request(app.url).post('/clients').set('Authorization', counselor).send(newClient(1, 'counselor-start')).expect(201);
    const seen = await request(app.url).get('/caseload').set('Authorization', counselor).query({ counselorId: 'counselor-start', minPosition: created.body.position }).expect(200);
    expect(seen.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([created.body.clientId]);
    // She, the account that logged in, is who registered her.
    const timeline = await request(app.url).get(`/cases/${created.body.clientId}/timeline`).set('Authorization', counselor).query({ minPosition: created.body.position }).expect(200);
    expect(timeline.body.items.map((i: { type: string; actorId: string }) => [i.type, i.actorId])).toEqual([['ClientRegistered', accountId]]);

    expect(await app.kill('SIGINT')).toBe(0);

    app = await spawnApp('saeil', env, 120_000);
    // The administrator exists: no new one, and her password is never printed again.
    expect(app.output()).not.toMatch(FIRST_ADMINISTRATOR);
    // Tokens are signed with the key kept in the database: hers still holds after the restart.
    const after = await request(app.url).get('/caseload').set('Authorization', counselor).query({ counselorId: 'counselor-start' }).expect(200);
    expect(after.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([created.body.clientId]);
    // And her account is still there to log in to.
    const again = `Bearer ${await login(app.url, COUNSELOR.username, COUNSELOR.password)}`;
    const relogged = await request(app.url).get('/caseload').set('Authorization', again).query({ counselorId: 'counselor-start' }).expect(200);
    expect(relogged.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([created.body.clientId]);
    expect(await app.kill('SIGINT')).toBe(0);
  }, 240_000);
});
