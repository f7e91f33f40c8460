import { addMonths, addDays } from '@saeil/core';
import { QueryBus } from '@nestjs/cqrs';
import { isSuppressed, statisticsProjection } from '@saeil/statistics';
import { RetentionStatisticsQuery } from '../../libs/statistics/src/queries/retention-statistics/retention-statistics.query';
import { newClient, startTestSaeil, TestSaeil } from '../support/app';
import {
  Api,
  api,
  Caller,
  counselorAccount,
  counselorOf,
  MINISTRY_ANALYST,
  regionalSupervisorOf,
  supervisorOf,
} from '../support/auth';

/**
 * A center's quarter, as the issue tells it: center-naju places 100 women in 2026-Q1, records
 * follow-ups for 100, 70 and 50 of them at months 1, 2 and 3 — some ending early, some
 * unreachable — and reads its retention as of 2026-07-31, when every milestone has come.
 *
 * Clients 0–33 start on 01-15, 34–66 on 02-16, 67–99 on 03-16; each is contacted on the
 * milestone date. A 101st placement is voided and must count nowhere.
 *
 *   month 1 (100 recorded): 0–69 same, 70–79 other, 80–89 same, 90–94 not employed, 95–99 unreachable
 *   clients 80–89 then leave their job 10 days after month 1 (EmploymentEnded), before month 2
 *   month 2 (70 recorded):  0–54 same, 55–59 other, 60–64 not employed, 65–69 unreachable
 *   month 3 (50 recorded):  0–39 same, 40–44 other, 45–49 unreachable
 *
 * By hand:
 *   month 1: eligible 100, same 80, other 10, not employed 5, unreachable 5, unverified 0
 *   month 2: same 55, other 5, not employed 5 + 10 (80–89 ended before it) = 15, unreachable 5,
 *            unverified 100 − 80 = 20 (70–79 and 90–99)
 *   month 3: same 40, other 5, not employed 10 (80–89), unreachable 5, unverified 40 (50–79, 90–99)
 */
describe('retention: a center’s quarter, counted exactly', () => {
  let saeil: TestSaeil;
  /** The center's counselor records the placements and follow-ups. */
  let counselor: Api;
  let last = 0;
  const clients: string[] = [];
  const placements: string[] = [];

  const post = async (path: string, body: object, retryWhile404 = false): Promise<any> => {
    for (let attempt = 0; ; attempt++) {
      const response = await counselor.post(path).send(body);
      // Follow-ups are scheduled by a reaction to EmploymentStarted: until it ran, the placement has none (404).
      if (retryWhile404 && response.status === 404 && attempt < 100) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      last = Math.max(last, response.body.position ?? 0);
      return response.body;
    }
  };
  const inBatches = async (count: number, work: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < count; i += 10)
      await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, k) => work(i + k)));
  };

  const startOf = (i: number) => (i < 34 ? '2026-01-15' : i < 67 ? '2026-02-16' : '2026-03-16');
  const month1 = (i: number) =>
    i < 70
      ? 'employed_same_employer'
      : i < 80
        ? 'employed_other_employer'
        : i < 90
          ? 'employed_same_employer'
          : i < 95
            ? 'not_employed'
            : 'unreachable';
  const month2 = (i: number) =>
    i < 55 ? 'employed_same_employer' : i < 60 ? 'employed_other_employer' : i < 65 ? 'not_employed' : 'unreachable';
  const month3 = (i: number) =>
    i < 40 ? 'employed_same_employer' : i < 45 ? 'employed_other_employer' : 'unreachable';

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'retention_quarter', kafka: false });
    counselor = await api(saeil, counselorOf('center-naju'));
    const park = await counselorAccount(saeil, 'center-naju', 'park');
    await inBatches(101, async (i) => {
      const { clientId } = await post('/clients', {
        ...newClient(7000 + i, park, 'center-naju'),
        registeredOn: '2026-01-05',
      });
      clients[i] = clientId;
      await post(`/clients/${clientId}/consents`, { purpose: 'service', version: '2026-01', givenOn: '2026-01-05' });
      const startOn = i === 100 ? '2026-02-02' : startOf(i);
      const job = {
        employerName: `(주)나주${i % 7}`,
        jobTitle: '생산직',
        occupation: '생산직',
        occupationGroup: '8',
        employmentType: 'regular',
        weeklyHours: 40,
        monthlyWage: 2_300_000,
        startOn,
        channel: 'self',
        employmentInsurance: true,
      };
      placements[i] = (await post(`/clients/${clientId}/placements`, job)).placementId;
    });
    await post(`/clients/${clients[100]}/placements/${placements[100]}/void`, {
      reason: '다른 구직자의 기록을 잘못 입력함',
    });

    const followUp = (i: number, n: number, outcome: string) =>
      post(
        `/clients/${clients[i]}/placements/${placements[i]}/follow-ups`,
        {
          n,
          contactedOn: addMonths(startOf(i), n),
          channel: 'phone',
          outcome,
          support: outcome === 'unreachable' ? [] : ['counseling'],
        },
        true,
      );
    await inBatches(100, (i) => followUp(i, 1, month1(i)));
    await inBatches(10, (k) =>
      post(`/clients/${clients[80 + k]}/placements/${placements[80 + k]}/end`, {
        endedOn: addDays(addMonths(startOf(80 + k), 1), 10),
        reason: 'resigned',
      }),
    );
    await inBatches(70, (i) => followUp(i, 2, month2(i)));
    await inBatches(50, (i) => followUp(i, 3, month3(i)));
  }, 300_000);
  afterAll(async () => saeil?.dispose());

  /**
   * The quarter's retention; a key given as undefined is left out of the query. Read by whoever
   * answers for the level: the center's supervisor, the 전라남도 regional supervisor, the Ministry analyst.
   */
  const readerOf: Record<string, Caller> = {
    center: supervisorOf('center-naju'),
    region: regionalSupervisorOf('전라남도'),
    nation: MINISTRY_ANALYST,
  };
  const retention = async (query: Record<string, string | number | undefined> = {}) => {
    const all = {
      level: 'center',
      id: 'center-naju',
      from: '2026-01-01',
      to: '2026-03-31',
      asOfDate: '2026-07-31',
      minPosition: last,
      ...query,
    };
    const given = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
    const reader = await api(saeil, readerOf[String(given.level)]);
    return (await reader.get('/statistics/retention').query(given).expect(200)).body;
  };

  const expected = [
    {
      n: 1,
      eligible: 100,
      sameEmployer: 80,
      otherEmployer: 10,
      notEmployed: 5,
      unreachable: 5,
      unverified: 0,
      retentionRate: 80,
      anyEmployerRate: 90,
      unverifiedShare: 0,
    },
    {
      n: 2,
      eligible: 100,
      sameEmployer: 55,
      otherEmployer: 5,
      notEmployed: 15,
      unreachable: 5,
      unverified: 20,
      retentionRate: 55,
      anyEmployerRate: 60,
      unverifiedShare: 20,
    },
    {
      n: 3,
      eligible: 100,
      sameEmployer: 40,
      otherEmployer: 5,
      notEmployed: 10,
      unreachable: 5,
      unverified: 40,
      retentionRate: 40,
      anyEmployerRate: 45,
      unverifiedShare: 40,
    },
  ];

  it('gives the counts and rates computed by hand, at the center, its region and the nation', async () => {
    const center = await retention();
    expect(center.consistency).toEqual({ minPosition: last, reached: true });
    expect(center.retention).toEqual(expected);
    for (const scope of [
      { level: 'region', id: '전라남도' },
      { level: 'nation', id: undefined },
    ]) {
      // The exact figures of the region and the nation are the center's (the only one with data)...
      const query = { from: '2026-01-01', to: '2026-03-31', asOfDate: '2026-07-31', minPosition: last, ...scope };
      const exact = JSON.parse(
        JSON.stringify(await saeil.app.get(QueryBus).execute(new RetentionStatisticsQuery(query as never, 'exact'))),
      );
      expect(exact.retention).toEqual(expected);
      // ...and their readers above the center see them published: every count shown is exact,
      // every count below 5 is hidden (and some others with them, so none can be subtracted back).
      const published = await retention(scope);
      expect(published.disclosure).toBe('suppressed');
      const problems = (published.retention as Record<string, unknown>[]).flatMap((milestone, i) =>
        Object.entries(milestone).flatMap(([field, value]) => {
          const truth = (expected[i] as Record<string, number>)[field];
          if (isSuppressed(value as never)) return [];
          if (value !== truth) return [`n=${i + 1} ${field}: shows ${JSON.stringify(value)}, is ${truth}`];
          return field !== 'n' && !field.endsWith('Rate') && !field.endsWith('Share') && truth < 5
            ? [`n=${i + 1} ${field}: ${truth} shown`]
            : [];
        }),
      );
      expect({ scope: scope.level, problems }).toEqual({ scope: scope.level, problems: [] });
      expect(JSON.stringify(published.retention)).toContain('"suppressed":true');
    }
  });

  it('by placement month: the three start months add up to the quarter', async () => {
    const { rows } = await retention({ by: 'placementMonth' });
    // Month 1 per start month: January 0–33 all same; February 34–66 all same; March 67–99: 67–69 same, 70–79 other, 80–89 same, 90–94 not employed, 95–99 unreachable.
    expect(
      rows.map((r: { key: string; figures: { eligible: number; sameEmployer: number }[] }) => [
        r.key,
        r.figures[0].eligible,
        r.figures[0].sameEmployer,
      ]),
    ).toEqual([
      ['2026-01', 34, 34],
      ['2026-02', 33, 33],
      ['2026-03', 33, 13],
    ]);
  });

  it('as of the quarter end only the milestones due by then count', async () => {
    const { retention: figures, asOfDate } = await retention({ asOfDate: undefined });
    expect(asOfDate).toBe('2026-03-31');
    // Month 1 due by 03-31: January (02-15) and February (03-16) starts, 0–66, all same employer.
    // Month 2 due by 03-31: January starts (03-15), 0–33, all same employer. Month 3: none.
    expect(
      figures.map((f: { eligible: number; sameEmployer: number; unverified: number }) => [
        f.eligible,
        f.sameEmployer,
        f.unverified,
      ]),
    ).toEqual([
      [67, 67, 0],
      [34, 34, 0],
      [0, 0, 0],
    ]);
  });

  it('gives the same figures after the statistics projection is rebuilt', async () => {
    const before = await retention({ by: 'placementMonth', asOfPosition: last });
    await saeil.runtime.rebuilder.rebuild(statisticsProjection);
    expect(await retention({ by: 'placementMonth', asOfPosition: last })).toEqual(before);
    expect((await retention()).retention).toEqual(expected);
  });
});
