import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { freePorts } from '../support/kafka-broker';
import { newClient } from '../support/app';
import { AppProcess, spawnNpmStart } from '../support/processes';
import { checkoutFiles, copyTree, runShell } from '../support/tree';

/** What the first start prints, once, when SAEIL_ADMIN_PASSWORD is not set. */
const FIRST_ADMINISTRATOR = /First administrator created: user name "([^"]+)", password "([^"]+)"/;

const COUNSELOR = {
  username: 'kim.counselor',
  displayName: '김상담',
  role: 'counselor',
  centerId: 'center-naju',
  password: 'naju-sangdam-2026-봄',
};

/**
 * Ctrl-C in her terminal: SIGINT to npm and the app it started. npm itself then ends by that
 * signal, as it does in a terminal; what counts is that the app stopped cleanly and said so.
 */
async function pressCtrlC(app: AppProcess, name: string): Promise<void> {
  await app.kill('SIGINT');
  expect(app.output()).toContain(`${name} stopped (SIGINT)`);
  expect(app.output()).not.toMatch(/error while stopping|\n\s+at /);
}

/**
 * The README's first screen, as pasted into a terminal: its "Log in and call the API" shell block,
 * with the printed password and this run's address, in bash. The demo seed line is left out
 * (it is a script of its own, with its own test).
 */
function readmeLoginBlock(url: string, password: string): string {
  const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
  const block = /Log in\s+and call the API[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme);
  expect(block).not.toBeNull();
  return block![1]
    .split('\n')
    .filter((line) => !line.includes('npm run'))
    .join('\n')
    .replaceAll('localhost:3000', url.replace(/^http:\/\//, ''))
    .replaceAll('<the printed password>', password);
}

let dir: string;

async function login(url: string, username: string, password: string): Promise<string> {
  const response = await request(url).post('/auth/login').send({ username, password }).expect(200);
  return response.body.accessToken as string;
}

/**
 * What a user does on a fresh clone, run as she runs it: `npm start` (npm builds, then runs the
 * compiled entry point) in a copy of the checkout holding only what a clone holds (no dist/ or
 * .data/ left over from this working directory), with nothing configured: no DATABASE_URL, no
 * KAFKA_BROKERS, no administrator password. The process starts its own PostgreSQL on a fresh
 * data directory, creates the first administrator and prints her generated password once; she
 * logs in and creates a counselor's account, and the counselor serves the slice with her own
 * token. Ctrl-C (SIGINT to the terminal's process group) stops it cleanly; the next start finds
 * its data again; and the operational scripts the README names run against that data.
 */
describe('npm start on a fresh copy of the checkout (embedded PostgreSQL, embedded event feed)', () => {
  let app: AppProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = copyTree(checkoutFiles(), 'clone');
    const dataDir = path.join(dir, 'fresh-data');
    mkdirSync(dataDir, { mode: 0o755 });
    const [pgPort] = await freePorts(1);
    // SAEIL_ADMIN_PASSWORD empty: not configured, as on a fresh machine (the harness would otherwise set one).
    env = { SAEIL_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: '0', SAEIL_ADMIN_PASSWORD: '' };
  });
  afterAll(async () => {
    await app?.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('builds, prints the first administrator’s password, serves a counselor, stops on Ctrl-C, and keeps the data across a restart', async () => {
    app = await spawnNpmStart(dir, env);
    expect(app.output()).toContain('database embedded PostgreSQL');
    const printed = FIRST_ADMINISTRATOR.exec(app.output());
    expect(printed).not.toBeNull();
    const [, adminUsername, adminPassword] = printed!;
    await request(app.url).get('/health').expect(200);

    // Nothing is served without a token, even on a fresh start.
    const anonymous = await request(app.url).post('/clients').send(newClient(1, 'nobody-yet'));
    expect({ status: anonymous.status, authenticate: anonymous.headers['www-authenticate'] }).toEqual({
      status: 401,
      authenticate: 'Bearer',
    });

    // Pasted as the README shows it: logs in, reads who she is, refreshes; fails loudly on a wrong password.
    const pasted = await runShell(
      `set -euo pipefail\n${readmeLoginBlock(app.url, adminPassword)}\necho "me=$(curl -s ${app.url}/auth/me -H "Authorization: Bearer $TOKEN")"`,
      dir,
      {},
      60_000,
      'bash',
    );
    expect({ code: pasted.code, output: pasted.output }).toEqual({
      code: 0,
      output: expect.stringMatching(/logged in[\s\S]*me=\{[^\n]*"role":"administrator"/),
    });
    const wrong = await runShell(
      `set -uo pipefail\n${readmeLoginBlock(app.url, 'not-her-password')}`,
      dir,
      {},
      60_000,
      'bash',
    );
    // In a terminal the block goes on after a failed line; what she sees is the reason, and no "logged in".
    expect(wrong.output).toContain('login failed: {"code":"INVALID_CREDENTIALS"');
    expect(wrong.output).not.toContain('logged in');

    const admin = await login(app.url, adminUsername, adminPassword);
    const account = await request(app.url)
      .post('/accounts')
      .set('Authorization', `Bearer ${admin}`)
      .send(COUNSELOR)
      .expect(201);
    const accountId: string = account.body.accountId;
    expect(account.body).toMatchObject({
      accountId: expect.any(String),
      username: COUNSELOR.username,
      role: 'counselor',
      centerId: 'center-naju',
    });
    expect(account.body).not.toHaveProperty('passwordHash');

    const counselor = `Bearer ${await login(app.url, COUNSELOR.username, COUNSELOR.password)}`;
    const created = await request(app.url)
      .post('/clients')
      .set('Authorization', counselor)
      .send(newClient(1, accountId))
      .expect(201);
    const seen = await request(app.url)
      .get('/caseload')
      .set('Authorization', counselor)
      .query({ counselorId: accountId, minPosition: created.body.position })
      .expect(200);
    expect(seen.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([created.body.clientId]);
    // She, the account that logged in, is who registered her.
    const timeline = await request(app.url)
      .get(`/cases/${created.body.clientId}/timeline`)
      .set('Authorization', counselor)
      .query({ minPosition: created.body.position })
      .expect(200);
    expect(timeline.body.items.map((i: { type: string; actorId: string }) => [i.type, i.actorId])).toEqual([
      ['ClientRegistered', accountId],
    ]);

    await pressCtrlC(app, 'saeil');

    app = await spawnNpmStart(dir, env);
    // The administrator exists: no new one, and her password is never printed again.
    expect(app.output()).not.toMatch(FIRST_ADMINISTRATOR);
    // Tokens are signed with the key kept beside the data: hers still holds after the restart.
    const after = await request(app.url)
      .get('/caseload')
      .set('Authorization', counselor)
      .query({ counselorId: accountId })
      .expect(200);
    expect(after.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([created.body.clientId]);
    // And her account is still there to log in to.
    const again = `Bearer ${await login(app.url, COUNSELOR.username, COUNSELOR.password)}`;
    const relogged = await request(app.url)
      .get('/caseload')
      .set('Authorization', again)
      .query({ counselorId: accountId })
      .expect(200);
    expect(relogged.body.items.map((i: { clientId: string }) => i.clientId)).toEqual([created.body.clientId]);
    await pressCtrlC(app, 'saeil');
    app = undefined;
  }, 420_000);

  it('runs the operational scripts the README names, each as `npm run <script>` builds and runs it', async () => {
    const scripts = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).scripts as Record<string, string>;
    // Each of these builds first and then runs compiled code, as the README tells users.
    for (const name of ['start', 'start:api', 'start:worker', 'projections:rebuild', 'privacy:rewrap', 'seed:demo']) {
      expect({ name, script: scripts[name] }).toEqual({
        name,
        script: expect.stringMatching(/^npm run -s build && node dist\/\S+\.js/),
      });
    }

    const rebuild = await runShell('npm run -s projections:rebuild -- caseload', dir, env);
    expect({ code: rebuild.code, output: rebuild.output }).toEqual({
      code: 0,
      output: expect.stringMatching(/rebuilt caseload: \d+ events/),
    });

    const rewrap = await runShell('npm run -s privacy:rewrap', dir, env);
    expect({ code: rewrap.code, output: rewrap.output }).toEqual({
      code: 0,
      output: expect.stringContaining('0 still under another master key'),
    });

    // The two roles of the container images, each alone (api without worker, worker without api).
    for (const [script, name] of [
      ['start:api', 'saeil-api'],
      ['start:worker', 'saeil-worker'],
    ]) {
      app = await spawnNpmStart(dir, env, 180_000, script);
      await request(app.url).get('/health').expect(200);
      await pressCtrlC(app, name);
      app = undefined;
    }
  }, 600_000);
});
