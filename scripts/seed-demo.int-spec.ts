import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { countEvents, startTestSaeil, TestSaeil } from '../tests/support/app';
import { waitFor } from '../tests/support/env';
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_USERNAME } from '../tests/support/auth';
import { todayInKorea } from '../libs/core/src/dates';
import { runCli, seedDemo, SeedDemoLogger } from './seed-demo';

/**
 * `npm run seed:demo` against a running Saeil (in-process here, embedded mode): the demo center's
 * accounts log in with the passwords it printed, each counselor finds her own cases, the
 * supervisor all of them and the center's retention program and KPI plan, the regional supervisor
 * her 시·도's figures, the Ministry analyst the nation's; a second run creates nothing; an unreachable URL or a wrong
 * administrator password is one line and exit 1.
 */
const CENTER = 'center-naju';
const SUPERVISOR = 'demo-naju-supervisor';
const COUNSELORS = ['demo-naju-counselor-1', 'demo-naju-counselor-2'];
const REGIONAL = 'demo-naju-regional';
const ANALYST = 'demo-naju-analyst';
const REGION = (
  JSON.parse(readFileSync('config/centers.json', 'utf8')) as { centers: Record<string, { region: string }> }
).centers[CENTER].region;

function captured(): { lines: string[]; errors: string[]; logger: SeedDemoLogger } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, logger: { info: (line) => lines.push(line), error: (line) => errors.push(line) } };
}

/** The printed table's rows: user name → { role, password }. */
function printedAccounts(lines: string[]): Map<string, { role: string; password: string }> {
  const rows = new Map<string, { role: string; password: string }>();
  for (const line of lines) {
    const match = /^\s+(demo-\S+)\s+(supervisor|counselor|regional_supervisor|ministry_analyst)\s+(\S+)$/.exec(line);
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

  /** What the first run printed, for the tests after it. */
  let accounts: Map<string, { role: string; password: string }>;
  let printed: string[];

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'seed_demo', kafka: false });
  }, 120_000);
  afterAll(async () => saeil?.dispose());

  it('creates a supervisor, two counselors and their cases, printing each password once; they log in and see them', async () => {
    const run = captured();
    expect(await runCli(['--url', saeil.url, '--center', CENTER], env, run.logger)).toBe(0);
    expect(run.errors).toEqual([]);
    printed = run.lines;

    accounts = printedAccounts(run.lines);
    expect([...accounts.keys()].sort()).toEqual([...COUNSELORS, SUPERVISOR, REGIONAL, ANALYST].sort());
    expect(Object.fromEntries([...accounts].map(([username, a]) => [username, a.role]))).toEqual({
      [SUPERVISOR]: 'supervisor',
      [COUNSELORS[0]]: 'counselor',
      [COUNSELORS[1]]: 'counselor',
      [REGIONAL]: 'regional_supervisor',
      [ANALYST]: 'ministry_analyst',
    });
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
      const caseload = await request(saeil.url)
        .get('/caseload')
        .query({ centerId: CENTER, pageSize: 100 })
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      // her cases name her account, and show her display name
      const hers = caseload.body.items.filter(
        (item: { counselorId: string }) => item.counselorId === me.body.accountId,
      );
      expect(new Set(hers.map((item: { counselorName: string }) => item.counselorName))).toEqual(
        new Set([me.body.displayName]),
      );
      expect(hers.length).toBeGreaterThanOrEqual(2);
      const byCounselor = await request(saeil.url)
        .get('/caseload')
        .query({ counselorId: me.body.accountId })
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(byCounselor.body.total).toBe(hers.length);
      mine.set(
        username,
        hers.map((item: { name: string; status: string }) => ({ name: item.name, status: item.status })),
      );
    }
    const all = [...mine.values()].flat();
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.length).toBeLessThanOrEqual(8);

    // The supervisor: every case of the center, at every stage the seed takes them to.
    const supervisorToken = await logIn(saeil.url, SUPERVISOR, accounts.get(SUPERVISOR)!.password);
    const center = await request(saeil.url)
      .get('/caseload')
      .query({ centerId: CENTER, pageSize: 100 })
      .set('Authorization', `Bearer ${supervisorToken}`)
      .expect(200);
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
        const timeline = await request(saeil.url)
          .get(`/cases/${closed.clientId}/timeline`)
          .query({ pageSize: 100 })
          .set('Authorization', `Bearer ${supervisorToken}`)
          .expect(200);
        const seen: string[] = timeline.body.items.map((item: { type: string }) => item.type);
        return seen.includes('CaseClosed') && seen.filter((type) => type === 'FollowUpRecorded').length === 3
          ? seen
          : undefined;
      },
      { description: 'the closed case on her timeline' },
    );
    expect(types).toEqual(
      expect.arrayContaining([
        'ClientRegistered',
        'ConsentGiven',
        'CounselingSessionRecorded',
        'EmploymentPlanSet',
        'EmploymentStarted',
        'CaseClosed',
      ]),
    );
    expect(types.filter((type: string) => type === 'FollowUpRecorded')).toHaveLength(3);
  }, 120_000);

  it('gives every other role something to look at: the supervisor her program and KPI plan, the regional supervisor her 시·도, the analyst the nation', async () => {
    const get = (token: string, path: string, query: Record<string, string | number> = {}) =>
      request(saeil.url).get(path).query(query).set('Authorization', `Bearer ${token}`);
    const idAfter = (pattern: RegExp) => {
      const found = printed.map((line) => pattern.exec(line)?.[1]).find(Boolean);
      expect(found).toBeDefined();
      return found!;
    };
    const programId = idAfter(/GET \/retention-programs\/(\S+)/);
    const kpiPlanId = idAfter(/GET \/kpi-plans\/(\S+)\/achievement/);
    const today = todayInKorea();
    const year = Number(today.slice(0, 4));

    // The supervisor: the 100/70/50 plan with its budget, and the KPI plan's indicators and targets.
    const supervisor = await logIn(saeil.url, SUPERVISOR, accounts.get(SUPERVISOR)!.password);
    const program = await waitFor(
      async () => {
        const answer = await get(supervisor, `/retention-programs/${programId}`);
        return answer.status === 200 ? answer.body : undefined;
      },
      { description: 'the demo retention program' },
    );
    expect(program).toMatchObject({ centerId: CENTER, periodFrom: expect.stringMatching(/^\d{4}-01-01$/) });
    expect(program.milestones.map((m: { n: number; planned: number }) => [m.n, m.planned])).toEqual([
      [1, 100],
      [2, 70],
      [3, 50],
    ]);
    const secured = program.budget.reduce((sum: number, line: { secured: number }) => sum + line.secured, 0);
    const cost = program.milestones.reduce(
      (sum: number, m: { planned: number; unitCost: number }) => sum + m.planned * m.unitCost,
      0,
    );
    expect({ secured, cost }).toEqual({ secured: 11_500_000, cost: 11_500_000 });
    const listed = await get(supervisor, '/retention-programs', { centerId: CENTER }).expect(200);
    expect(JSON.stringify(listed.body)).toContain(programId);

    const achievement = await waitFor(
      async () => {
        const answer = await get(supervisor, `/kpi-plans/${kpiPlanId}/achievement`);
        // The actuals entered after the plan are read as of the statistics' position: wait for both.
        return answer.status === 200 &&
          answer.body.indicators.some((i: { cumulativeActual: number }) => i.cumulativeActual > 0)
          ? answer.body
          : undefined;
      },
      { description: 'the demo KPI plan with its entered actual' },
    );
    expect(achievement.term).toEqual({ fromYear: year - 1, toYear: year + 1 });
    expect(achievement.indicators.length).toBeGreaterThanOrEqual(3);
    for (const indicator of achievement.indicators) expect(indicator.termTarget).toBeGreaterThan(0);
    expect(
      achievement.indicators.map((i: { weight?: number }) => i.weight ?? 0).reduce((a: number, b: number) => a + b, 0),
    ).toBe(100);
    expect(achievement.indicators.find((i: { name: string }) => i.name === '채용기업 사후관리 건수')).toMatchObject({
      cumulativeActual: 31,
    });

    // The regional supervisor: her 시·도's figures count the demo center's six registrations; another 시·도 is not hers.
    const regional = await logIn(saeil.url, REGIONAL, accounts.get(REGIONAL)!.password);
    const me = await get(regional, '/auth/me').expect(200);
    expect(me.body).toMatchObject({ role: 'regional_supervisor', region: REGION });
    const period = { from: `${year - 1}-01-01`, to: today };
    const figures = await waitFor(
      async () => {
        const answer = await get(regional, '/statistics/employment', { level: 'region', id: REGION, ...period });
        return answer.status === 200 && JSON.stringify(answer.body).includes('"clientsRegistered":6')
          ? answer.body
          : undefined;
      },
      { description: `${REGION}'s figures with the demo's registrations` },
    );
    // Above the center, figures are published as the Ministry sees them: two employed women is below the threshold.
    expect(figures).toMatchObject({
      disclosure: 'suppressed',
      employment: { clientsRegistered: 6, employedClients: { suppressed: true } },
    });
    const otherRegion = REGION === '서울특별시' ? '부산광역시' : '서울특별시';
    await get(regional, '/statistics/employment', { level: 'region', id: otherRegion, ...period }).expect(404);

    // The Ministry analyst: the nation's figures and its report, never a person.
    const analyst = await logIn(saeil.url, ANALYST, accounts.get(ANALYST)!.password);
    const nation = await get(analyst, '/statistics/employment', { level: 'nation', ...period }).expect(200);
    expect(JSON.stringify(nation.body)).toContain('"clientsRegistered":6');
    const quarter = idAfter(/GET \/ministry-reports\/nation\/(\d{4}-Q[1-4])/);
    await get(analyst, `/ministry-reports/nation/${quarter}`).expect(200);
    await get(analyst, '/caseload', { centerId: CENTER }).expect(403);
  }, 120_000);

  it('run again, it says the demo exists and creates nothing', async () => {
    const events = await countEvents(saeil);
    const [{ n: accounts }] = await saeil.runtime.dataSource.query(`SELECT count(*)::int AS n FROM accounts`);
    const again = captured();
    const result = await seedDemo(
      { url: saeil.url, adminUser: TEST_ADMIN_USERNAME, adminPassword: TEST_ADMIN_PASSWORD, centerId: CENTER },
      again.logger,
    );
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
    expect(unreachable.errors).toEqual([
      `seed:demo: cannot reach Saeil at http://127.0.0.1:${closedPort} (ECONNREFUSED): is it running (npm start)? Pass --url if it listens elsewhere.`,
    ]);

    const events = await countEvents(saeil);
    const wrong = captured();
    expect(
      await runCli(
        ['--url', saeil.url, '--center', 'center-mokpo'],
        { ...env, SAEIL_ADMIN_PASSWORD: 'not-the-admin-password' },
        wrong.logger,
      ),
    ).toBe(1);
    expect(wrong.errors).toEqual([
      `seed:demo: the administrator "${TEST_ADMIN_USERNAME}" cannot log in at ${saeil.url}: wrong user name or password (INVALID_CREDENTIALS).`,
    ]);

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
