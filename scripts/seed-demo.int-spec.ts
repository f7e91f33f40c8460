import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { countEvents, startTestSaeil, TestSaeil } from '../tests/support/app';
import { waitFor } from '../tests/support/env';
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../tests/support/auth';
import { runCli, seedDemo, SeedDemoLogger } from './seed-demo';

/**
 * `npm run seed:demo` against a running Saeil (in-process here, embedded mode): the demo center's
 * accounts log in with the passwords it printed, each counselor finds her own cases, the
 * supervisor all of them; a second run creates nothing; an unreachable URL or a wrong
 * administrator password is one line and exit 1.
 */
const CENTER = 'center-naju';
const SUPERVISOR = 'demo-naju-supervisor';
const COUNSELORS = ['demo-naju-counselor-1', 'demo-naju-counselor-2'];

function captured(): { lines: string[]; errors: string[]; logger: SeedDemoLogger } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, logger: { info: (line) => lines.push(line), error: (line) => errors.push(line) } };
}

/** The printed table's rows: user name → { role, password }. */
function printedAccounts(lines: string[]): Map<string, { role: string; password: string }> {
  const rows = new Map<string, { role: string; password: string }>();
  for (const line of lines) {
    const match = /^\s+(demo-\S+)\s+(supervisor|counselor)\s+(\S+)$/.exec(line);
    if (match) rows.set(match[1], { role: match[2], password: match[3] });
  }
  return rows;
}

/** A port nothing listens on (taken from the OS, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

async function logIn(url: string, username: string, password: string): Promise<string> {
  const res = await request(url).post('/auth/login').send({ username, password }).expect(200);
  return res.body.accessToken as string;
}

describe('npm run seed:demo', () => {
  let saeil: TestSaeil;
  const env = { SAEIL_ADMIN_USERNAME: TEST_ADMIN_USERNAME, SAEIL_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD };

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'seed_demo', kafka: false });
  }, 120_000);
  afterAll(async () => saeil?.dispose());

  it('creates a supervisor, two counselors and their cases, printing each password once; they log in and see them', async () => {
    const run = captured();
    expect(await runCli(['--url', saeil.url, '--center', CENTER], env, run.logger)).toBe(0);
    expect(run.errors).toEqual([]);

    const accounts = printedAccounts(run.lines);
    expect([...accounts.keys()].sort()).toEqual([...COUNSELORS, SUPERVISOR].sort());
    expect(accounts.get(SUPERVISOR)!.role).toBe('supervisor');
    for (const { password } of accounts.values()) {
      expect(password.length).toBeGreaterThanOrEqual(12);
      // Printed once, in the table, and nowhere else.
      expect(run.lines.filter((line) => line.includes(password))).toHaveLength(1);
    }
    expect(run.lines).toContain(`API docs: ${saeil.url}/docs`);

    // Each counselor: her own cases (registered with her as counselor), found through her center's caseload.
    const mine = new Map<string, { name: string; status: string }[]>();
    for (const username of COUNSELORS) {
      const token = await logIn(saeil.url, username, accounts.get(username)!.password);
      const me = await request(saeil.url).get('/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body).toMatchObject({ username, role: 'counselor', centerId: CENTER });
      const caseload = await request(saeil.url).get('/caseload').query({ centerId: CENTER, pageSize: 100 }).set('Authorization', `Bearer ${token}`).expect(200);
      const hers = caseload.body.items.filter((item: { counselorId: string }) => item.counselorId === username);
      expect(hers.length).toBeGreaterThanOrEqual(2);
      const byCounselor = await request(saeil.url).get('/caseload').query({ counselorId: username }).set('Authorization', `Bearer ${token}`).expect(200);
      expect(byCounselor.body.total).toBe(hers.length);
      mine.set(username, hers.map((item: { name: string; status: string }) => ({ name: item.name, status: item.status })));
    }
    const all = [...mine.values()].flat();
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.length).toBeLessThanOrEqual(8);

    // The supervisor: every case of the center, at every stage the seed takes them to.
    const supervisorToken = await logIn(saeil.url, SUPERVISOR, accounts.get(SUPERVISOR)!.password);
    const center = await request(saeil.url).get('/caseload').query({ centerId: CENTER, pageSize: 100 }).set('Authorization', `Bearer ${supervisorToken}`).expect(200);
    expect(center.body.total).toBe(all.length);
    expect(center.body.items.map((item: { name: string }) => item.name).sort()).toEqual(all.map((c) => c.name).sort());
    const statuses = center.body.items.map((item: { status: string }) => item.status);
    expect(statuses).toEqual(expect.arrayContaining(['intake', 'counseling', 'in_training', 'employed', 'closed']));
    for (const item of center.body.items) expect(item.phone).toMatch(/^010-0000-\d{4}$/);

    // The closed case got its job and all three follow-ups first.
    const closed = center.body.items.find((item: { status: string }) => item.status === 'closed');
    // The timeline follows the events a moment later than the caseload the seed waited for.
    const types = await waitFor(
      async () => {
        const timeline = await request(saeil.url).get(`/cases/${closed.clientId}/timeline`).query({ pageSize: 100 }).set('Authorization', `Bearer ${supervisorToken}`).expect(200);
        const seen: string[] = timeline.body.items.map((item: { type: string }) => item.type);
        return seen.includes('CaseClosed') && seen.filter((type) => type === 'FollowUpRecorded').length === 3 ? seen : undefined;
      },
      { description: 'the closed case on her timeline' },
    );
    expect(types).toEqual(expect.arrayContaining(['ClientRegistered', 'ConsentGiven', 'CounselingSessionRecorded', 'EmploymentPlanSet', 'EmploymentStarted', 'CaseClosed']));
    expect(types.filter((type: string) => type === 'FollowUpRecorded')).toHaveLength(3);
  }, 120_000);

  it('run again, it says the demo exists and creates nothing', async () => {
    const events = await countEvents(saeil);
    const [{ n: accounts }] = await saeil.runtime.dataSource.query(`SELECT count(*)::int AS n FROM accounts`);
    const again = captured();
    const result = await seedDemo({ url: saeil.url, adminUser: TEST_ADMIN_USERNAME, adminPassword: TEST_ADMIN_PASSWORD, centerId: CENTER }, again.logger);
    expect(result.outcome).toBe('exists');
    expect(result.cases).toEqual([]);
    expect(result.accounts.every((a) => a.password === undefined)).toBe(true);
    expect(again.lines.join('\n')).toContain('already exist');
    expect(await countEvents(saeil)).toBe(events);
    const [{ n: accountsAfter }] = await saeil.runtime.dataSource.query(`SELECT count(*)::int AS n FROM accounts`);
    expect(accountsAfter).toBe(accounts);

    // Through the command line too: exit 0.
    const cli = captured();
    expect(await runCli(['--url', saeil.url], env, cli.logger)).toBe(0);
    expect(await countEvents(saeil)).toBe(events);
  }, 60_000);

  it('an unreachable URL, a wrong administrator password or a center not in the directory: one line, exit 1; no password: usage, exit 2', async () => {
    const closedPort = await freePort();
    const unreachable = captured();
    expect(await runCli(['--url', `http://127.0.0.1:${closedPort}`], env, unreachable.logger)).toBe(1);
    expect(unreachable.errors).toEqual([`seed:demo: cannot reach Saeil at http://127.0.0.1:${closedPort} (ECONNREFUSED): is it running (npm start)? Pass --url if it listens elsewhere.`]);

    const events = await countEvents(saeil);
    const wrong = captured();
    expect(await runCli(['--url', saeil.url, '--center', 'center-mokpo'], { ...env, SAEIL_ADMIN_PASSWORD: 'not-the-admin-password' }, wrong.logger)).toBe(1);
    expect(wrong.errors).toEqual([`seed:demo: the administrator "${TEST_ADMIN_USERNAME}" cannot log in at ${saeil.url}: wrong user name or password (INVALID_CREDENTIALS).`]);

    const unknown = captured();
    expect(await runCli(['--url', saeil.url, '--center', 'center-atlantis'], env, unknown.logger)).toBe(1);
    expect(unknown.errors).toHaveLength(1);
    expect(unknown.errors[0]).toContain('center-atlantis is not in');

    const noPassword = captured();
    expect(await runCli(['--url', saeil.url], {}, noPassword.logger)).toBe(2);
    expect(noPassword.errors.join('\n')).toContain('SAEIL_ADMIN_PASSWORD');
    expect(await countEvents(saeil)).toBe(events);
  }, 60_000);
});
