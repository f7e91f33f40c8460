import { randomUUID } from 'node:crypto';
import { followUpsStreamId } from '@saeil/contracts';
import { describeKafka, waitFor } from '../../../tests/support/env';
import { registerClient, startTestSaeil, TestSaeil } from '../../../tests/support/app';
import type { SaeilConfig } from '@saeil/config';
import { statisticsProjection } from './projections/statistics.projection';
import { RETENTION_DIMENSIONS, StatisticMetric, StatisticsScope, StatisticsSource } from './statistics-source';
import { StatisticsQueries } from './queries/statistics.queries';
import { CentersDirectory } from './centers/centers-directory';
import { QueryBus } from '@nestjs/cqrs';
import { RetentionStatisticsQuery } from './queries/retention-statistics/retention-statistics.query';
import { EmploymentStatisticsQuery } from './queries/employment-statistics/employment-statistics.query';
import { ActivityStatisticsQuery } from './queries/activity-statistics/activity-statistics.query';
import {
  accountIdOf,
  ADMINISTRATOR,
  Api,
  api,
  counselorOf,
  MINISTRY_ANALYST,
  regionalSupervisorOf,
  supervisorOf,
} from '../../../tests/support/auth';

/**
 * Who reads a level's figures: a center's supervisor her center, a region's supervisor her region
 * (전라남도 and 경상남도 have one here), the Ministry analyst the nation and every other level.
 */
interface Readers {
  analyst: Api;
  regions: Record<string, Api>;
  centers: Record<string, Api>;
}
async function readersOf(saeil: TestSaeil, centers: string[]): Promise<Readers> {
  const readers: Readers = { analyst: await api(saeil, MINISTRY_ANALYST), regions: {}, centers: {} };
  for (const region of ['전라남도', '경상남도'])
    readers.regions[region] = await api(saeil, regionalSupervisorOf(region));
  for (const centerId of centers) readers.centers[centerId] = await api(saeil, supervisorOf(centerId));
  return readers;
}
function readerFor(readers: Readers, query: Record<string, string | number>): Api {
  if (query.level === 'center') return readers.centers[String(query.id)] ?? readers.analyst;
  if (query.level === 'region') return readers.regions[String(query.id)] ?? readers.analyst;
  return readers.analyst;
}

/**
 * Statistics over events driven through the real commands (HTTP), on PostgreSQL. Follow-ups are
 * appended to their streams through the EventStore (their command is another module's), as the
 * retention context writes them. Every expected figure below is counted by hand from the story.
 *
 * The story (period 2026-01-01 … 2026-03-31; center-atlantis is not in the centers directory):
 *   center-naju (전라남도)   A, B, C registered 01-05; D registered 2025-12-20 (before the period)
 *     P1 A 01-31 regular  '0' 2,350,000 center   m 02-28, 03-31, 04-30; follow-ups: m1 same (02-27, gift, go-100), m2 other (04-02)
 *     P2 B 02-02 contract '3' 1,900,000 self     ended 03-01, before every milestone → not employed ×3
 *     P3 C 02-10 regular  '0' 2,500,000 center   voided
 *     P4 D 03-05 part_time '5' 1,200,000 self    m 04-05, 05-05, 06-05
 *     P9 B 03-15 daily    '0' 2,000,000 self     (her second placement of the period)
 *   center-hwasun (전라남도) E registered 01-10, J 02-01; F registered 2025-12-01 (before the period)
 *     P5 E 01-15 regular  '0' 3,100,000 center   m 02-15, 03-15, 04-15; follow-ups: m1 unreachable (02-16, counseling), m2 same (03-16, counseling, go-100)
 *     P6 F 2025-12-15 (before the period)
 *   center-jinju (경상남도)  G, H registered 03-10
 *     P7 G 03-20 regular  '8' 4,200,000 center   m 04-20, 05-20, 06-20
 *   center-atlantis (미지정) I registered 01-15
 *     P8 I 01-20 contract '6' 2,000,000 self     m 02-20, 03-20, 04-20; follow-up m1 same (02-20, no support)
 */
const PERIOD = { from: '2026-01-01', to: '2026-03-31' };

interface Story {
  clients: Record<string, string>;
  placements: Record<string, string>;
  /** Position after the placements and P2's end, before the voiding and the follow-ups. */
  midPosition: number;
  lastPosition: number;
}

async function tellTheStory(saeil: TestSaeil, first: number): Promise<Story> {
  // Each center's counselor registers, places and counsels the women of her center and records its activities.
  const counselors: Record<string, Api> = {};
  for (const centerId of ['center-naju', 'center-hwasun', 'center-jinju', 'center-atlantis'])
    counselors[centerId] = await api(saeil, counselorOf(centerId));
  const centerOf: Record<string, string> = {};
  const clients: Record<string, string> = {};
  const who: [string, string, string][] = [
    ['A', 'center-naju', '2026-01-05'],
    ['B', 'center-naju', '2026-01-05'],
    ['C', 'center-naju', '2026-01-05'],
    ['D', 'center-naju', '2025-12-20'],
    // A job cannot start before her registration: E registered before P5, F (P6 in 2025) before the period, J in it.
    ['E', 'center-hwasun', '2026-01-10'],
    ['F', 'center-hwasun', '2025-12-01'],
    ['J', 'center-hwasun', '2026-02-01'],
    ['G', 'center-jinju', '2026-03-10'],
    ['H', 'center-jinju', '2026-03-10'],
    ['I', 'center-atlantis', '2026-01-15'],
  ];
  let n = first;
  for (const [name, centerId, registeredOn] of who) {
    const body = { ...newClientBody(n++, centerId, await accountIdOf(saeil, counselorOf(centerId))), registeredOn };
    const created = await counselors[centerId].post('/clients').send(body).expect(201);
    clients[name] = created.body.clientId;
    centerOf[name] = centerId;
    for (const purpose of ['service', 'employer_sharing']) {
      await counselors[centerId]
        .post(`/clients/${clients[name]}/consents`)
        .send({ purpose, version: '2026-01', givenOn: registeredOn })
        .expect(200);
    }
  }
  const placements: Record<string, string> = {};
  const place = async (
    key: string,
    client: string,
    startOn: string,
    employmentType: string,
    occupationGroup: string,
    monthlyWage: number,
    channel: string,
  ) => {
    const res = await counselors[centerOf[client]]
      .post(`/clients/${clients[client]}/placements`)
      .send({
        employerName: `(주)${key}`,
        jobTitle: '사무원',
        occupation: `직종 ${key}`,
        occupationGroup,
        employmentType,
        weeklyHours: 40,
        monthlyWage,
        startOn,
        channel,
        employmentInsurance: true,
      })
      .expect(201);
    placements[key] = res.body.placementId;
    return res.body.position as number;
  };
  await place('P1', 'A', '2026-01-31', 'regular', '0', 2_350_000, 'center');
  await place('P2', 'B', '2026-02-02', 'contract', '3', 1_900_000, 'self');
  await place('P3', 'C', '2026-02-10', 'regular', '0', 2_500_000, 'center');
  await place('P4', 'D', '2026-03-05', 'part_time', '5', 1_200_000, 'self');
  await place('P5', 'E', '2026-01-15', 'regular', '0', 3_100_000, 'center');
  await place('P6', 'F', '2025-12-15', 'regular', '0', 2_500_000, 'center');
  await place('P7', 'G', '2026-03-20', 'regular', '8', 4_200_000, 'center');
  await place('P8', 'I', '2026-01-20', 'contract', '6', 2_000_000, 'self');
  await counselors['center-naju']
    .post(`/clients/${clients.B}/placements/${placements.P2}/end`)
    .send({ endedOn: '2026-03-01', reason: 'resigned' })
    .expect(200);
  const midPosition = await place('P9', 'B', '2026-03-15', 'daily', '0', 2_000_000, 'self');
  await counselors['center-naju']
    .post(`/clients/${clients.C}/placements/${placements.P3}/void`)
    .send({ reason: '다른 구직자의 기록을 잘못 입력함' })
    .expect(200);

  const followUp = (
    key: string,
    client: string,
    n: number,
    contactedOn: string,
    outcome: string,
    support: string[],
    programId?: string,
  ) =>
    saeil.runtime.store.append(
      followUpsStreamId(placements[key]),
      [
        {
          type: 'FollowUpRecorded',
          data: {
            clientId: clients[client],
            placementId: placements[key],
            n,
            contactedOn,
            channel: 'phone',
            outcome,
            support,
            ...(programId ? { programId } : {}),
          },
        },
      ],
      {
        context: 'retention',
        expectedVersion: 'any',
        metadata: {
          actorId: 'counselor-kim',
          centerId: 'center-naju',
          correlationId: randomUUID(),
          occurredAt: `${contactedOn}T00:00:00.000Z`,
        },
      },
    );
  await followUp('P1', 'A', 1, '2026-02-27', 'employed_same_employer', ['gift_or_celebration'], 'go-100');
  await followUp('P1', 'A', 2, '2026-04-02', 'employed_other_employer', []);
  await followUp('P5', 'E', 1, '2026-02-16', 'unreachable', ['counseling']);
  await followUp('P5', 'E', 2, '2026-03-16', 'employed_same_employer', ['counseling'], 'go-100');
  await followUp('P8', 'I', 1, '2026-02-20', 'employed_same_employer', []);

  // Training at center-naju: A, C and D complete on 01-09. A (P1 01-31) and D (P4 03-05) start
  // work within 3 months; C's only placement was voided.
  const naju = counselors['center-naju'];
  const course = await naju
    .post('/courses')
    .send({
      centerId: 'center-naju',
      title: '사무행정 실무',
      provider: '나주직업훈련원',
      field: '사무행정',
      startsOn: '2025-11-03',
      endsOn: '2026-01-09',
      hours: 120,
      capacity: 10,
    })
    .expect(201);
  for (const c of ['A', 'C', 'D']) {
    await naju
      .post(`/courses/${course.body.courseId}/enrollments`)
      .send({ clientId: clients[c], enrolledOn: '2025-11-03' })
      .expect(201);
    await naju
      .post(`/courses/${course.body.courseId}/completions`)
      .send({ clientId: clients[c], completedOn: '2026-01-09' })
      .expect(201);
  }
  // Activity: 4 sessions (one per channel but partner), 2 agreements, a council meeting, a job fair, a startup.
  const session = (c: string, channel: string, occurredOn: string, place?: string) =>
    counselors[centerOf[c]]
      .post(`/clients/${clients[c]}/counseling-sessions`)
      .send({ channel, topic: '취업 상담', durationMinutes: 30, occurredOn, ...(place ? { place } : {}) })
      .expect(201);
  await session('A', 'phone', '2026-01-06');
  await session('A', 'in_center', '2026-01-20');
  await session('E', 'online', '2026-02-03');
  await session('G', 'mobile_outreach', '2026-03-11', '진주역 광장');
  await session('G', 'phone', '2026-04-01'); // after the period
  const mou = (centerId: string, partyName: string, signedOn: string) =>
    counselors[centerId]
      .post('/agreements')
      .send({ centerId, kind: 'institution_mou', partyName, signedOn, termStart: signedOn, termEnd: '2027-01-31' })
      .expect(201);
  await mou('center-naju', '나주시가족센터', '2026-02-10');
  await mou('center-jinju', '경상국립대학교', '2026-03-02');
  await naju
    .post('/council-meetings')
    .send({ centerId: 'center-naju', heldOn: '2026-02-20', title: '여성일자리 실무협의체' })
    .expect(201);
  await counselors['center-jinju']
    .post('/job-fairs')
    .send({
      centerId: 'center-jinju',
      name: '진주 여성 취업박람회',
      heldOn: '2026-03-25',
      companies: 12,
      applicants: 150,
      hires: 18,
    })
    .expect(201);
  const startup = await counselors['center-jinju']
    .post(`/clients/${clients.H}/startups`)
    .send({ businessName: '진주 공방', industry: '공예품 제조', startedOn: '2026-03-12' })
    .expect(201);
  return { clients, placements, midPosition, lastPosition: startup.body.position };
}

/** `counselorId`: an account of the center (the counselor registering her). */
function newClientBody(i: number, centerId: string, counselorId: string) {
  return {
    name: `통계${i}`,
    birthDate: `19${70 + (i % 30)}-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`,
    phone: `010-7${String(i % 1000).padStart(3, '0')}-${String(i % 10000).padStart(4, '0')}`,
    centerId,
    counselorId,
    region: '전라남도',
  };
}

/** The statistics as the reader of the level asked for (readerFor). */
const get = (readers: Readers, path: string, query: Record<string, string | number>) =>
  readerFor(readers, query).get(`/statistics/${path}`).query(query);

const QUERIES = {
  retention: RetentionStatisticsQuery,
  employment: EmploymentStatisticsQuery,
  activity: ActivityStatisticsQuery,
} as const;

/**
 * Exact figures of any level: a center's through her own staff over HTTP; a region's or the
 * nation's through the route's own query handler with exact disclosure, since over HTTP every
 * reader above the center gets them suppressed (the disclosure tests below read those).
 */
async function exact(
  saeil: TestSaeil,
  readers: Readers,
  path: string,
  query: Record<string, string | number>,
): Promise<{ body: any }> {
  if (query.level === 'center' && readers.centers[String(query.id)])
    return { body: (await get(readers, path, query).expect(200)).body };
  const Query = QUERIES[path as keyof typeof QUERIES];
  return {
    body: JSON.parse(JSON.stringify(await saeil.app.get(QueryBus).execute(new Query(query as never, 'exact')))),
  };
}

/** Expected retention rows: [eligible, same, other, notEmployed, unreachable, unverified]. */
function figures(rows: number[][]) {
  return rows.map(([eligible, sameEmployer, otherEmployer, notEmployed, unreachable, unverified], i) => ({
    n: i + 1,
    eligible,
    sameEmployer,
    otherEmployer,
    notEmployed,
    unreachable,
    unverified,
    retentionRate: eligible ? (sameEmployer * 100) / eligible : null,
    anyEmployerRate: eligible ? ((sameEmployer + otherEmployer) * 100) / eligible : null,
    unverifiedShare: eligible ? (unverified * 100) / eligible : null,
  }));
}

/** Every number of a snapshot body, summed over rows: rollups must equal the sum of their parts. */
function sumOf(rows: Record<string, any>[]): Record<string, any> {
  const add = (a: any, b: any): any => {
    if (typeof b === 'number') return (a ?? 0) + b;
    if (Array.isArray(b)) return b.map((item, i) => add(a?.[i], item));
    if (b && typeof b === 'object') return Object.fromEntries(Object.keys(b).map((k) => [k, add(a?.[k], b[k])]));
    return a;
  };
  return rows.reduce((acc, r) => add(acc, r), undefined as any);
}

const countsOnly = (value: any): any => {
  if (Array.isArray(value)) return value.map(countsOnly);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !/Rate$|Share$|^n$/.test(k))
        .map(([k, v]) => [k, countsOnly(v)]),
    );
  }
  return value;
};

describe('statistics (HTTP, PostgreSQL)', () => {
  let saeil: TestSaeil;
  let story: Story;
  let readers: Readers;

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'statistics', kafka: false });
    story = await tellTheStory(saeil, 5100);
    readers = await readersOf(saeil, ['center-naju', 'center-hwasun', 'center-jinju']);
  }, 120_000);
  afterAll(async () => saeil?.dispose());

  const read = (path: string, query: Record<string, string | number>) =>
    exact(saeil, readers, path, { ...PERIOD, minPosition: story.lastPosition, ...query });

  it('retention of the period’s cohort at months 1–3, as of a day after every milestone', async () => {
    const { body } = await read('retention', { level: 'nation', asOfDate: '2026-06-30' });
    expect(body.asOfDate).toBe('2026-06-30');
    expect(body.retention).toEqual(
      figures([
        [7, 2, 0, 1, 1, 3], // P1 same, P8 same, P2 ended, P5 unreachable; P4, P9, P7 not followed up
        [7, 1, 1, 1, 0, 4], // P5 same, P1 other, P2 ended; P4, P9, P7, P8 unverified
        [7, 0, 0, 1, 0, 6],
      ]),
    );
    expect(body.retention[0].retentionRate).toBeCloseTo(28.5714, 3);
  });

  it('as of the period end (the default): only milestones due by then, follow-ups contacted by then', async () => {
    const { body } = await read('retention', { level: 'nation' });
    expect(body.asOfDate).toBe('2026-03-31');
    expect(body.retention).toEqual(
      figures([
        [4, 2, 0, 1, 1, 0], // P1 (02-28), P2 (03-02), P5 (02-15), P8 (02-20)
        [3, 1, 0, 0, 0, 2], // P1 (03-31, contacted 04-02: not yet), P5 same, P8 unverified
        [0, 0, 0, 0, 0, 0],
      ]),
    );
    expect(body.retention[2].retentionRate).toBeNull();
  });

  it('cohort=milestone_date: the milestones dated in the period, whenever the placement started (the Ministry report’s basis)', async () => {
    const { body } = await read('retention', { level: 'nation', cohort: 'milestone_date' });
    expect(body.cohort).toBe('milestone_date');
    expect(body.retention).toEqual(
      figures([
        [5, 2, 0, 1, 1, 1], // P6 (01-15, started in December: unverified), P1 same, P2 ended, P5 unreachable, P8 same
        [4, 1, 0, 0, 0, 3], // P6 (02-15), P1 (03-31, contacted only 04-02), P5 same, P8 (03-20)
        [1, 0, 0, 0, 0, 1], // P6 (03-15): the only month-3 milestone inside the quarter
      ]),
    );
    const placementStart = await read('retention', { level: 'nation' });
    expect(placementStart.body.cohort).toBe('placement_start');
    await get(readers, 'retention', { ...PERIOD, level: 'nation', cohort: 'due' }).expect(400);
  });

  it('a center, a region and the unassigned region; centers and regions add up to the nation', async () => {
    const naju = await read('retention', { level: 'center', id: 'center-naju', asOfDate: '2026-06-30' });
    expect(naju.body.retention).toEqual(
      figures([
        [4, 1, 0, 1, 0, 2],
        [4, 0, 1, 1, 0, 2],
        [4, 0, 0, 1, 0, 3],
      ]),
    );
    const jeonnam = await read('retention', { level: 'region', id: '전라남도', asOfDate: '2026-06-30', by: 'center' });
    expect(jeonnam.body.retention).toEqual(
      figures([
        [5, 1, 0, 1, 1, 2],
        [5, 1, 1, 1, 0, 2],
        [5, 0, 0, 1, 0, 4],
      ]),
    );
    expect(jeonnam.body.rows.map((r: { key: string }) => r.key)).toEqual([
      'center-hwasun',
      'center-jangseong',
      'center-jeonnam',
      'center-mokpo',
      'center-naju',
      'center-yeongam',
    ]);
    const unassigned = await read('retention', { level: 'region', id: '미지정', asOfDate: '2026-06-30' });
    expect(unassigned.body.retention).toEqual(
      figures([
        [1, 1, 0, 0, 0, 0],
        [1, 0, 0, 0, 0, 1],
        [1, 0, 0, 0, 0, 1],
      ]),
    );

    const nation = await read('retention', { level: 'nation', asOfDate: '2026-06-30', by: 'region' });
    const byRegion = Object.fromEntries(
      nation.body.rows.map((r: { key: string; figures: unknown[] }) => [r.key, r.figures[0]]),
    );
    expect(Object.keys(byRegion)).toEqual(expect.arrayContaining(['경상남도', '미지정', '전라남도', '서울특별시']));
    expect(countsOnly(sumOf(nation.body.rows.map((r: { figures: unknown }) => r.figures)))).toEqual(
      countsOnly(nation.body.retention),
    );
    const byCenter = await read('retention', { level: 'nation', asOfDate: '2026-06-30', by: 'center' });
    expect(byCenter.body.rows.find((r: { key: string }) => r.key === 'center-atlantis').figures[0].eligible).toBe(1);
    expect(countsOnly(sumOf(byCenter.body.rows.map((r: { figures: unknown }) => r.figures)))).toEqual(
      countsOnly(nation.body.retention),
    );
  });

  it('by program, by placement month and by employment type, each adding up to the whole', async () => {
    const program = await read('retention', { level: 'nation', asOfDate: '2026-06-30', by: 'program' });
    expect(program.body.rows).toEqual([
      {
        key: 'go-100',
        figures: figures([
          [1, 1, 0, 0, 0, 0],
          [1, 1, 0, 0, 0, 0],
          [0, 0, 0, 0, 0, 0],
        ]),
      },
      {
        key: 'none',
        figures: figures([
          [6, 1, 0, 1, 1, 3],
          [6, 0, 1, 1, 0, 4],
          [7, 0, 0, 1, 0, 6],
        ]),
      },
    ]);
    const month = await read('retention', { level: 'nation', asOfDate: '2026-06-30', by: 'placementMonth' });
    expect(
      month.body.rows.map((r: { key: string; figures: { eligible: number }[] }) => [r.key, r.figures[0].eligible]),
    ).toEqual([
      ['2026-01', 3],
      ['2026-02', 1],
      ['2026-03', 3],
    ]);
    const type = await read('retention', { level: 'nation', asOfDate: '2026-06-30', by: 'employmentType' });
    expect(
      Object.fromEntries(
        type.body.rows.map((r: { key: string; figures: { eligible: number }[] }) => [r.key, r.figures[0].eligible]),
      ),
    ).toEqual({
      regular: 3,
      contract: 2,
      part_time: 1,
      daily: 1,
      other: 0,
    });
  });

  it('employment: registrations, employed clients, placements by type, group, wage band and channel, training, startups', async () => {
    const { body } = await read('employment', { level: 'nation' });
    expect(body.employment).toEqual({
      clientsRegistered: 8,
      employedClients: 6, // A, B (twice), D, E, G, I
      placements: 7,
      placementsByEmploymentType: { regular: 3, contract: 2, part_time: 1, daily: 1, other: 0 },
      placementsByOccupationGroup: { '0': 3, '1': 0, '2': 0, '3': 1, '4': 0, '5': 1, '6': 1, '7': 0, '8': 1, '9': 0 },
      placementsByWageBand: { under_2m: 2, '2m_3m': 3, '3m_4m': 1, '4m_and_over': 1 },
      placementsByChannel: { center: 3, self: 4 },
      trainingCompleters: 3,
      trainingCompletersEmployed: 2,
      trainingEmploymentRate: 200 / 3,
      internshipConversions: 0,
      startups: 1,
    });
    const naju = await read('employment', { level: 'center', id: 'center-naju' });
    expect(naju.body.employment).toMatchObject({
      clientsRegistered: 3,
      employedClients: 3,
      placements: 4,
      trainingCompleters: 3,
      startups: 0,
    });
  });

  it('activity: sessions by channel, agreements, council meetings, job fairs, post-management beneficiaries', async () => {
    const { body } = await read('activity', { level: 'nation', by: 'region' });
    expect(body.activity).toEqual({
      counselingSessionsByChannel: { in_center: 1, phone: 1, online: 1, mobile_outreach: 1, partner_institution: 0 },
      groupProgramAttendances: 0,
      outreachEvents: 0,
      outreachContacts: 0,
      agreementsSigned: 2,
      agreementsByKind: { women_friendly_company: 0, institution_mou: 2 },
      councilMeetings: 1,
      jobFairs: 1,
      retentionBeneficiaries: 2, // A (P1 m1, gift) and E (P5 m1 and m2, counseling); P1 m2 is after the period and without support
    });
    const gyeongnam = body.rows.find((r: { key: string }) => r.key === '경상남도').activity;
    expect(gyeongnam).toMatchObject({
      agreementsSigned: 1,
      jobFairs: 1,
      councilMeetings: 0,
      retentionBeneficiaries: 0,
    });
    expect(sumOf(body.rows.map((r: { activity: unknown }) => r.activity))).toEqual(body.activity);
  });

  it('every count of every center adds up to its region and to the nation', async () => {
    for (const path of ['employment', 'activity']) {
      const byCenter = await read(path, { level: 'nation', by: 'center' });
      const byRegion = await read(path, { level: 'nation', by: 'region' });
      const counts = (b: any) => countsOnly(b[path]);
      expect(countsOnly(sumOf(byCenter.body.rows.map(counts)))).toEqual(counts(byCenter.body));
      expect(countsOnly(sumOf(byRegion.body.rows.map(counts)))).toEqual(counts(byCenter.body));
      for (const region of byRegion.body.rows) {
        const within = await read(path, { level: 'region', id: region.key, by: 'center' });
        expect(countsOnly(sumOf(within.body.rows.map(counts)))).toEqual(counts(region));
      }
    }
  });

  it('as of an earlier position: before the voiding and the follow-ups', async () => {
    const { body } = await read('retention', {
      level: 'nation',
      asOfDate: '2026-06-30',
      asOfPosition: story.midPosition,
    });
    expect(body.asOfPosition).toBe(story.midPosition);
    // P3 still counts (m 03-10, 04-10, 05-10); no follow-up yet; P2's end was recorded before.
    expect(body.retention).toEqual(
      figures([
        [8, 0, 0, 1, 0, 7],
        [8, 0, 0, 1, 0, 7],
        [8, 0, 0, 1, 0, 7],
      ]),
    );
    const employment = await read('employment', { level: 'nation', asOfPosition: story.midPosition });
    expect(employment.body.employment).toMatchObject({
      placements: 8,
      employedClients: 7,
      trainingCompleters: 0,
      startups: 0,
    });
    const before = await read('employment', { level: 'nation', asOfPosition: 0 });
    expect(before.body.employment).toMatchObject({ clientsRegistered: 0, placements: 0 });
  });

  it('the port the KPI module and the Ministry report read: one figure per metric, a window configurable', async () => {
    const source = saeil.app.get(StatisticsSource);
    const asOf = { asOfPosition: story.lastPosition, asOfDate: '2026-06-30' };
    const nation = { level: 'nation' as const };
    const metric = (name: StatisticMetric, scope: StatisticsScope = nation) => source.metric(name, scope, PERIOD, asOf);
    expect(await metric('clients_registered')).toBe(8);
    expect(await metric('employed_clients')).toBe(6);
    expect(await metric('placements')).toBe(7);
    expect(await metric('retention_beneficiaries')).toBe(2);
    expect(await metric('retention_rate_m1')).toBe(200 / 7);
    expect(await metric('retention_rate_m2')).toBe(100 / 7);
    expect(await metric('retention_rate_m3')).toBe(0);
    expect(await metric('training_employment_rate')).toBe(200 / 3);
    expect(await metric('counseling_sessions')).toBe(4);
    expect(await metric('agreements_signed', { level: 'region', id: '경상남도' })).toBe(1);
    expect(await metric('council_meetings', { level: 'center', id: 'center-naju' })).toBe(1);
    expect(await metric('job_fairs', { level: 'center', id: 'center-naju' })).toBe(0);
    expect(await metric('retention_rate_m3', { level: 'center', id: 'center-seoul' })).toBeNull(); // nobody eligible
    expect(await source.centersOf({ level: 'region', id: '경상남도' })).toEqual([
      { centerId: 'center-changwon', region: '경상남도' },
      { centerId: 'center-gyeongnam', region: '경상남도' },
      { centerId: 'center-jinju', region: '경상남도' },
      { centerId: 'center-sacheon', region: '경상남도' },
    ]);
    expect(await source.centersOf({ level: 'region', id: '미지정' })).toEqual([
      { centerId: 'center-atlantis', region: '미지정' },
    ]);

    // Within 1 month of the 01-09 completion only A (placed 01-31) counts; D (03-05) no longer does.
    const oneMonth = new StatisticsQueries(saeil.runtime.dataSource, saeil.app.get(CentersDirectory), {
      TRAINING_EMPLOYMENT_WITHIN_MONTHS: 1,
    } as SaeilConfig);
    expect((await oneMonth.snapshot(nation, PERIOD, asOf)).employment).toMatchObject({
      trainingCompleters: 3,
      trainingCompletersEmployed: 1,
      trainingEmploymentRate: 100 / 3,
    });
  });

  it('refuses a bad scope or period with the fields named (400) and an unknown center (404)', async () => {
    const bad = await get(readers, 'retention', {
      level: 'region',
      id: '전남',
      from: '2026-02-30',
      to: '2026-03-31',
      by: 'mood',
    }).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect([...new Set(bad.body.error.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['by', 'from']);
    const region = await get(readers, 'employment', { level: 'region', id: '전남', ...PERIOD }).expect(400);
    expect(region.body.error.fields).toEqual([expect.objectContaining({ field: 'id', code: 'isIn' })]);
    const order = await get(readers, 'activity', { level: 'nation', from: '2026-04-01', to: '2026-03-31' }).expect(400);
    expect(order.body.error.fields).toEqual([expect.objectContaining({ field: 'to', code: 'periodOutOfOrder' })]);
    const noId = await get(readers, 'activity', { level: 'center', ...PERIOD }).expect(400);
    expect(noId.body.error.fields).toEqual([expect.objectContaining({ field: 'id', code: 'required' })]);
    await get(readers, 'retention', { level: 'center', id: 'center-nowhere', ...PERIOD }).expect(404);
    await readers.analyst.get('/statistics/centers').query({ level: 'center', id: 'center-nowhere' }).expect(404);
  });

  it('lists the centers of a scope, an unlisted one under 미지정', async () => {
    const jeonnam = await readers.regions['전라남도']
      .get('/statistics/centers')
      .query({ level: 'region', id: '전라남도' })
      .expect(200);
    expect(jeonnam.body.centers.map((c: { centerId: string }) => c.centerId)).toEqual([
      'center-hwasun',
      'center-jangseong',
      'center-jeonnam',
      'center-mokpo',
      'center-naju',
      'center-yeongam',
    ]);
    expect(jeonnam.body.centers[2]).toEqual({
      centerId: 'center-jeonnam',
      name: '전남광역새일센터',
      level: 'regional',
      region: '전라남도',
    });
    const unlisted = await readers.analyst
      .get('/statistics/centers')
      .query({ level: 'center', id: 'center-atlantis' })
      .expect(200);
    expect(unlisted.body.centers).toEqual([{ centerId: 'center-atlantis', name: null, level: null, region: '미지정' }]);
    await readers.analyst.get('/statistics/centers').query({ level: 'country' }).expect(400);
  });

  describe('readers above the center (issue 13, finding 12)', () => {
    const SECTION = { retention: 'retention', employment: 'employment', activity: 'activity' } as const;
    const BY: Record<string, (string | undefined)[]> = {
      retention: [undefined, ...RETENTION_DIMENSIONS],
      employment: [undefined, 'center', 'region'],
      activity: [undefined, 'center', 'region'],
    };
    const RETENTION_COUNTS = ['eligible', 'sameEmployer', 'otherEmployer', 'notEmployed', 'unreachable', 'unverified'];
    const ACTIVITY_COUNTS = ['outreachContacts', 'retentionBeneficiaries'];
    /** Every person count of a section, by leaf path. */
    const personCounts = (path: string, figures: any): Map<string, any> => {
      const out = new Map<string, any>();
      if (path === 'retention') for (const m of figures) for (const k of RETENTION_COUNTS) out.set(`${m.n}.${k}`, m[k]);
      if (path === 'activity') for (const k of ACTIVITY_COUNTS) out.set(k, figures[k]);
      if (path === 'employment') {
        for (const [k, v] of Object.entries(figures)) {
          if (k === 'trainingEmploymentRate') continue;
          if (v !== null && typeof v === 'object' && !('suppressed' in (v as object)))
            for (const [kk, vv] of Object.entries(v as object)) out.set(`${k}.${kk}`, vv);
          else out.set(k, v);
        }
      }
      return out;
    };
    const rowFigures = (path: string, row: any) => (path === 'retention' ? row.figures : row[path]);
    const hidden = (v: any) => v !== null && typeof v === 'object' && v.suppressed === true;

    /** What a reader above the center may see: no small count, none recoverable from the parts and the whole. */
    function disclosureProblems(path: string, published: any, exactBody: any): string[] {
      const problems: string[] = [];
      const sections = [
        {
          name: 'whole',
          published: published[SECTION[path as keyof typeof SECTION]],
          exact: exactBody[SECTION[path as keyof typeof SECTION]],
        },
      ];
      for (const row of exactBody.rows ?? []) {
        const match = (published.rows ?? []).find((r: any) => r.key === row.key);
        if (!match) problems.push(`row ${row.key} missing`);
        else
          sections.push({ name: `row ${row.key}`, published: rowFigures(path, match), exact: rowFigures(path, row) });
      }
      for (const section of sections) {
        const exactCounts = personCounts(path, section.exact);
        const publishedCounts = personCounts(path, section.published);
        for (const [leaf, value] of exactCounts) {
          const shown = publishedCounts.get(leaf);
          if (value < 5 && !hidden(shown)) problems.push(`${section.name} ${leaf}: ${value} published`);
          if (!hidden(shown) && shown !== value)
            problems.push(`${section.name} ${leaf}: ${JSON.stringify(shown)} published for ${value}`);
        }
      }
      // Parts and whole: exactly one hidden figure, or hidden parts adding up to a small number, could be recovered by subtraction.
      if ((exactBody.rows ?? []).length > 0) {
        const whole = personCounts(path, sections[0].exact);
        const wholePublished = personCounts(path, sections[0].published);
        for (const [leaf, total] of whole) {
          const parts = sections.slice(1).map((sec) => ({
            value: personCounts(path, sec.exact).get(leaf) ?? 0,
            shown: personCounts(path, sec.published).get(leaf) ?? 0,
          }));
          if (parts.reduce((sum, p) => sum + p.value, 0) !== total) continue;
          const hiddenParts = parts.filter((p) => hidden(p.shown));
          const totalHidden = hidden(wholePublished.get(leaf));
          if (hiddenParts.length + (totalHidden ? 1 : 0) === 1)
            problems.push(`${leaf}: one hidden figure among the parts and the whole`);
          if (!totalHidden && hiddenParts.length > 0 && hiddenParts.reduce((sum, p) => sum + p.value, 0) < 5)
            problems.push(`${leaf}: hidden parts add up to a small number`);
        }
      }
      return problems;
    }

    it('every route, level, breakdown and period: person counts below 5 suppressed, none recoverable; never a figure changed', async () => {
      const jeonnam = readers.regions['전라남도'];
      const scopes: { query: Record<string, string>; readers: Api[] }[] = [
        { query: { level: 'center', id: 'center-naju' }, readers: [jeonnam, readers.analyst] },
        { query: { level: 'center', id: 'center-jinju' }, readers: [readers.analyst] },
        { query: { level: 'region', id: '전라남도' }, readers: [jeonnam, readers.analyst] },
        { query: { level: 'region', id: '미지정' }, readers: [readers.analyst] },
        { query: { level: 'nation' }, readers: [readers.analyst] },
      ];
      const periods = [PERIOD, { from: '2026-01-31', to: '2026-01-31' }];
      const problems: string[] = [];
      let reads = 0;
      for (const path of ['retention', 'employment', 'activity']) {
        for (const by of BY[path]) {
          for (const { query, readers: above } of scopes) {
            for (const period of periods) {
              const q = {
                ...query,
                ...period,
                minPosition: story.lastPosition,
                ...(by ? { by } : {}),
                ...(path === 'retention' ? { asOfDate: '2026-06-30' } : {}),
              };
              const exactBody = (await exact(saeil, { ...readers, centers: {} }, path, q)).body;
              for (const reader of above) {
                const res = await reader.get(`/statistics/${path}`).query(q).expect(200);
                reads++;
                const where = `${path} ${JSON.stringify(q)}`;
                if (res.body.disclosure !== 'suppressed' || res.body.suppressionThreshold !== 5)
                  problems.push(`${where}: disclosure ${res.body.disclosure}`);
                if (res.headers['cache-control'] !== 'no-store')
                  problems.push(`${where}: Cache-Control ${res.headers['cache-control']}`);
                problems.push(...disclosureProblems(path, res.body, exactBody).map((p) => `${where}: ${p}`));
              }
            }
          }
        }
      }
      expect(problems).toEqual([]);
      expect(reads).toBeGreaterThan(100);
    }, 300_000);

    it("the probe's read: one placement of a center on one day — the Ministry sees it suppressed with its wage band, her center exactly", async () => {
      const q = {
        level: 'center',
        id: 'center-naju',
        from: '2026-01-31',
        to: '2026-01-31',
        minPosition: story.lastPosition,
      };
      const ministry = (await readers.analyst.get('/statistics/employment').query(q).expect(200)).body;
      expect(ministry.employment.placements).toEqual({ suppressed: true });
      expect(ministry.employment.employedClients).toEqual({ suppressed: true });
      expect(Object.values(ministry.employment.placementsByWageBand)).toEqual(
        Object.values(ministry.employment.placementsByWageBand).map(() => ({ suppressed: true })),
      );
      const own = (await readers.centers['center-naju'].get('/statistics/employment').query(q).expect(200)).body;
      expect(own.disclosure).toBeUndefined();
      expect(own.employment.placements).toBe(1);
      expect(own.employment.placementsByWageBand['2m_3m']).toBe(1);
    });

    it('refuses a period longer than five years (400 naming to, the limit in the message), on every route and level; five years exactly are read', async () => {
      const scopes: Record<string, string>[] = [
        { level: 'center', id: 'center-naju' },
        { level: 'region', id: '전라남도' },
        { level: 'nation' },
      ];
      for (const path of ['retention', 'employment', 'activity']) {
        for (const scope of scopes) {
          for (const [from, to] of [
            ['1900-01-01', '2099-12-31'],
            ['2021-01-01', '2026-01-02'],
          ]) {
            const res = await get(readers, path, {
              ...scope,
              from,
              to,
              ...(path === 'retention' ? { by: 'placementMonth' } : {}),
            }).expect(400);
            expect(res.body.error.fields).toEqual([
              expect.objectContaining({
                field: 'to',
                code: 'periodTooLong',
                message: expect.stringContaining('최대 5년'),
              }),
            ]);
          }
          await get(readers, path, { ...scope, from: '2021-01-01', to: '2026-01-01' }).expect(200);
        }
      }
    });
  });

  it("a center's staff read their center's figures, a region's supervisor her region and its centers, the Ministry all; beyond their reach 404", async () => {
    const q = { ...PERIOD, minPosition: story.lastPosition };
    const as = async (reader: Api, path: string, query: Record<string, string | number>, status: number) =>
      (
        await reader
          .get(`/statistics/${path}`)
          .query({ ...q, ...(path === 'retention' ? { asOfDate: '2026-06-30' } : {}), ...query })
          .expect(status)
      ).body;
    const najuSupervisor = readers.centers['center-naju'];
    const najuCounselor = await api(saeil, counselorOf('center-naju'));
    const jeonnam = readers.regions['전라남도'];
    const gyeongnam = readers.regions['경상남도'];
    const naju = { level: 'center', id: 'center-naju' };
    for (const path of ['retention', 'employment', 'activity']) {
      // The same exact figures of center-naju for its supervisor and its counselor; the same suppressed ones for its region's supervisor and the Ministry.
      const figures = await as(najuSupervisor, path, naju, 200);
      expect(await as(najuCounselor, path, naju, 200)).toEqual(figures);
      expect(await as(jeonnam, path, naju, 200)).toEqual(await as(readers.analyst, path, naju, 200));
      expect(await as(jeonnam, path, { level: 'region', id: '전라남도' }, 200)).toEqual(
        await as(readers.analyst, path, { level: 'region', id: '전라남도' }, 200),
      );
      // Beyond: another center, her region, the nation for a center's staff; another region's center, another region, 미지정, the nation for a regional supervisor.
      for (const reader of [najuSupervisor, najuCounselor]) {
        for (const scope of [
          { level: 'center', id: 'center-hwasun' },
          { level: 'region', id: '전라남도' },
          { level: 'nation' },
        ] as Record<string, string>[]) {
          expect((await as(reader, path, scope, 404)).error.code).toBe('NOT_FOUND');
        }
      }
      for (const scope of [
        { level: 'center', id: 'center-jinju' },
        { level: 'center', id: 'center-atlantis' },
        { level: 'region', id: '경상남도' },
        { level: 'region', id: '미지정' },
        { level: 'nation' },
      ] as Record<string, string>[]) {
        expect((await as(jeonnam, path, scope, 404)).error.code).toBe('NOT_FOUND');
      }
      await as(gyeongnam, path, naju, 404);
      await as(gyeongnam, path, { level: 'center', id: 'center-jinju' }, 200);
    }
    // The administrator keeps accounts, not figures.
    expect(
      (
        await (
          await api(saeil, ADMINISTRATOR)
        )
          .get('/statistics/retention')
          .query({ ...q, level: 'nation' })
          .expect(403)
      ).body.error.code,
    ).toBe('ACCESS_DENIED');
  });

  it('a projection rebuild gives identical figures', async () => {
    const queries: [string, Record<string, string | number>][] = [
      ['retention', { level: 'nation', asOfDate: '2026-06-30', by: 'center' }],
      ['retention', { level: 'nation', asOfDate: '2026-06-30', by: 'program' }],
      ['employment', { level: 'nation', by: 'center' }],
      ['activity', { level: 'nation', by: 'center' }],
    ];
    const snapshot = async () =>
      Promise.all(
        queries.map(async ([path, q]) => (await read(path, { ...q, asOfPosition: story.lastPosition })).body),
      );
    const before = await snapshot();
    const report = await saeil.runtime.rebuilder.rebuild(statisticsProjection);
    expect(report.events).toBeGreaterThan(50);
    expect(await snapshot()).toEqual(before);
  });
});

describeKafka('statistics (Kafka mode)', () => {
  let saeil: TestSaeil;
  let readers: Readers;
  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'statistics-kafka', kafka: true });
    readers = await readersOf(saeil, []);
  }, 60_000);
  afterAll(async () => saeil?.dispose());

  it('fed from the topics: placements at two centers and a follow-up from the retention topic, joined whatever order the topics arrive in', async () => {
    const naju = await registerClient(saeil, 5300, { centerId: 'center-naju', consents: ['service'] });
    const jinju = await registerClient(saeil, 5301, { centerId: 'center-jinju', consents: ['service'] });
    const job = (startOn: string) => ({
      employerName: '(주)새일',
      jobTitle: '사무원',
      occupation: '사무원',
      occupationGroup: '0',
      employmentType: 'regular',
      weeklyHours: 40,
      monthlyWage: 2_500_000,
      startOn,
      channel: 'self',
      employmentInsurance: true,
    });
    const p1 = (
      await (
        await api(saeil, counselorOf('center-naju'))
      )
        .post(`/clients/${naju}/placements`)
        .send(job('2026-05-04'))
        .expect(201)
    ).body;
    const p2 = (
      await (
        await api(saeil, counselorOf('center-jinju'))
      )
        .post(`/clients/${jinju}/placements`)
        .send(job('2026-05-11'))
        .expect(201)
    ).body;
    const written = await saeil.runtime.store.append(
      followUpsStreamId(p2.placementId),
      [
        {
          type: 'FollowUpRecorded',
          data: {
            clientId: jinju,
            placementId: p2.placementId,
            n: 1,
            contactedOn: '2026-06-11',
            channel: 'phone',
            outcome: 'employed_same_employer',
            support: ['counseling'],
          },
        },
      ],
      {
        context: 'retention',
        expectedVersion: 'any',
        metadata: {
          actorId: 'counselor-kim',
          centerId: 'center-jinju',
          correlationId: randomUUID(),
          occurredAt: '2026-06-11T00:00:00.000Z',
        },
      },
    );
    const query = { level: 'nation', from: '2026-05-01', to: '2026-05-31', asOfDate: '2026-07-31' };
    for (const position of [p1.position, p2.position, written.globalPosition]) {
      await waitFor(
        async () =>
          (await get(readers, 'retention', { ...query, minPosition: position, waitMs: 1000 })).body.consistency
            ?.reached,
        { timeoutMs: 60_000, description: `statistics at ${position}` },
      );
    }
    const { body } = await exact(saeil, readers, 'retention', { ...query, by: 'region' });
    expect(body.retention[0]).toMatchObject({ eligible: 2, sameEmployer: 1, unverified: 1, retentionRate: 50 });
    expect(body.rows.find((r: { key: string }) => r.key === '경상남도').figures[0]).toMatchObject({
      eligible: 1,
      sameEmployer: 1,
    });
    const activity = await exact(saeil, readers, 'activity', {
      level: 'region',
      id: '경상남도',
      from: '2026-06-01',
      to: '2026-06-30',
    });
    expect(activity.body.activity.retentionBeneficiaries).toBe(1);
  }, 120_000);
});
