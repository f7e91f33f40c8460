import type { MinistryReportFigures, MinistryRetentionFigures, PublishedCount } from '@saeil/contracts';
import { canonicalJson } from '../domain/canonical';
import { buildMinistryReport, ReportSources, retentionDimensionsFor } from './build-ministry-report';
import { milestone, snapshot, sources } from '@saeil/testing/report-fixtures';
import { suppressRow } from '@saeil/statistics';

const S = { suppressed: true };
const Q1 = { key: '2026-Q1', kind: 'quarter' as const, from: '2026-01-01', to: '2026-03-31' };
const center = { level: 'center' as const, scopeId: 'center-naju' };
const build = (given: ReportSources, threshold = 5) => buildMinistryReport(center, Q1, given, threshold);

describe('the Ministry report: small-cell suppression', () => {
  it('month 1: counts below 5 hidden, and the next smallest so that the hidden ones do not add up to a small number', () => {
    // 30 / 6 / 2 / 1 / 1 of 40: 2 + 1 + 1 = 4 could be read off as 40 − 30 − 6, so 6 goes too.
    expect(build(sources()).retention[0]).toEqual({
      n: 1,
      eligible: 40,
      sameEmployer: 30,
      otherEmployer: S,
      notEmployed: S,
      unreachable: S,
      unverified: S,
      retentionRate: 75,
      anyEmployerRate: S,
      unverifiedShare: S,
    });
  });

  it('months 2 and 3: eligible below 5 (and 0) hides every count and every rate', () => {
    const hidden = (n: 2 | 3) => ({
      n,
      eligible: S,
      sameEmployer: S,
      otherEmployer: S,
      notEmployed: S,
      unreachable: S,
      unverified: S,
      retentionRate: S,
      anyEmployerRate: S,
      unverifiedShare: S,
    });
    expect(build(sources()).retention.slice(1)).toEqual([hidden(2), hidden(3)]);
  });

  it('employment: lone small cells, their complements, and the training rate whose numerator is hidden', () => {
    expect(build(sources()).employment).toEqual({
      clientsRegistered: 57,
      employedClients: 41,
      placements: 44,
      // part_time 3 alone would be 44 − 30 − 11: contract is hidden with it.
      placementsByEmploymentType: { contract: S, part_time: S, regular: 30 },
      placementsByOccupationGroup: { care: 20, office: 24 },
      placementsByWageBand: { '2m_3m': 34, under_2m: 10 },
      placementsByChannel: { center: S, self: S },
      trainingCompleters: 20,
      // 20 completers, 17 employed would give away the 3 not employed.
      trainingCompletersEmployed: S,
      trainingEmploymentRate: S,
      internshipConversions: 6,
      startups: S,
    });
  });

  it('activity: counts of sessions, events and agreements published as they are; counts of persons suppressed when small', () => {
    expect(build(sources()).activity).toEqual({
      counselingSessionsByChannel: { in_center: 80, mobile_outreach: 3, phone: 120 },
      groupProgramAttendances: 200,
      outreachEvents: 2,
      outreachContacts: S, // 3 people reached
      agreementsSigned: 4,
      agreementsByKind: { institution_mou: 1, women_friendly_company: 3 },
      councilMeetings: 2,
      jobFairs: 1,
      retentionBeneficiaries: 36,
    });
  });

  it('KPI: a small person-count actual is hidden with its achievement and the plan overall; other units stay', () => {
    const given = sources();
    expect(build(given).kpi[0].indicators.map((i) => [i.actual, i.achievement])).toEqual([
      [3, 37.5],
      [211, 42.2],
      [12, (12 * 100) / 28],
    ]);
    expect(build(given).kpi[0].overall).toBe((37.5 + 42.2 + 1200 / 28) / 3); // 40.85… as seed 000

    given.kpi[0].indicators[2] = { ...given.kpi[0].indicators[2], actual: 3, achievement: (3 * 100) / 28 };
    const report = build(given);
    // 회 (meetings) is not a person count: 3 meetings stay.
    expect(report.kpi[0].indicators.map((i) => [i.actual, i.achievement])).toEqual([
      [3, 37.5],
      [211, 42.2],
      [S, S],
    ]);
    expect(report.kpi[0].overall).toEqual(S);
  });

  it('the threshold is the configured one', () => {
    const report = build(sources(), 2);
    expect(report.suppressionThreshold).toBe(2);
    expect(report.employment.startups).toBe(2);
    expect(report.employment.placementsByEmploymentType).toEqual({ contract: 11, part_time: 3, regular: 30 });
  });

  it('a breakdown whose rows add up to the total is suppressed with the total as its column totals', () => {
    const given = sources({
      breakdowns: [
        {
          dimension: 'employmentType',
          rows: [
            { key: 'regular', figures: [milestone(1, [20, 3, 1, 0, 1])] },
            { key: 'contract', figures: [milestone(1, [10, 3, 1, 1, 0])] },
          ],
        },
      ],
    });
    const report = build(given);
    const m1 = (key: string) => report.retentionBreakdowns[0].rows.find((r) => r.key === key)!.milestones[0];
    expect(m1('regular')).toEqual({
      n: 1,
      eligible: 25,
      sameEmployer: 20,
      otherEmployer: S,
      notEmployed: S,
      unreachable: S,
      unverified: S,
      retentionRate: 80,
      anyEmployerRate: S,
      unverifiedShare: S,
    });
    expect(m1('contract')).toMatchObject({
      eligible: 15,
      sameEmployer: 10,
      otherEmployer: S,
      retentionRate: (10 * 100) / 15,
    });
    expect(report.retentionBreakdowns[0].rows.map((r) => r.key)).toEqual(['contract', 'regular']);
    expect(report.retention[0]).toMatchObject({ eligible: 40, sameEmployer: 30, otherEmployer: S });
  });

  it('a figure a breakdown had to hide is hidden in the total row too, and the row is protected again', () => {
    // The breakdown hid the 3rd count (6): alone it would be 54 − 30 − 8 − 10, so the smallest other (8) goes.
    expect(suppressRow([30, 8, 6, 10], 54, 5, { cells: [2] })).toEqual({ cells: [30, S, S, 10], total: 54 });
    expect(suppressRow([30, 8, 6, 10], 54, 5)).toEqual({ cells: [30, 8, 6, 10], total: 54 });
  });

  it('levels carry the breakdowns above a single center', () => {
    expect(retentionDimensionsFor('center')).toEqual([
      'program',
      'employmentType',
      'occupationGroup',
      'placementMonth',
    ]);
    expect(retentionDimensionsFor('region')).toEqual([
      'center',
      'program',
      'employmentType',
      'occupationGroup',
      'placementMonth',
    ]);
    expect(retentionDimensionsFor('nation')).toEqual([
      'center',
      'region',
      'program',
      'employmentType',
      'occupationGroup',
      'placementMonth',
    ]);
  });
});

/** No hidden count can be recovered from a group it adds up in, and no published count is small. */
describe('the Ministry report: no small count can be recovered (generated tables)', () => {
  const OUTCOMES = ['sameEmployer', 'otherEmployer', 'notEmployed', 'unreachable', 'unverified'] as const;
  const hidden = (v: PublishedCount) => typeof v === 'object';

  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** One group (members adding up to a total): the properties protection means. */
  function assertGroupProtected(
    published: PublishedCount[],
    exact: number[],
    publishedTotal: PublishedCount,
    exactTotal: number,
    threshold: number,
    where: string,
  ) {
    const all = [...published, publishedTotal];
    const hiddenCount = all.filter(hidden).length;
    expect({ where, oneHidden: hiddenCount === 1 }).toEqual({ where, oneHidden: false });
    for (const v of all)
      if (!hidden(v)) expect({ where, small: (v as number) < threshold }).toEqual({ where, small: false });
    if (!hidden(publishedTotal) && published.some(hidden)) {
      const hiddenSum = exact.reduce((sum, v, i) => sum + (hidden(published[i]) ? v : 0), 0);
      expect({ where, recoverableSum: hiddenSum < threshold }).toEqual({ where, recoverableSum: false });
    }
    expect(exactTotal).toBe(exact.reduce((a, b) => a + b, 0));
  }

  it('holds for 300 generated breakdowns: every row, every column with the total row as its totals, and the total row', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const rowCount = 2 + Math.floor(next() * 4);
      const rows = Array.from({ length: rowCount }, (_, r) => ({
        key: `k${r}`,
        cells: OUTCOMES.map(() => (next() < 0.5 ? Math.floor(next() * 5) : Math.floor(next() * 25))),
      }));
      const overall = OUTCOMES.map((_, c) => rows.reduce((sum, row) => sum + row.cells[c], 0));
      const given = sources({
        snapshot: snapshot({ retention: [milestone(1, overall)] }),
        breakdowns: [
          { dimension: 'program', rows: rows.map((row) => ({ key: row.key, figures: [milestone(1, row.cells)] })) },
        ],
      });
      const report: MinistryReportFigures = build(given);
      const whole = report.retention[0];
      const exactEligible = overall.reduce((a, b) => a + b, 0);
      const cellsOf = (m: MinistryRetentionFigures) => OUTCOMES.map((o) => m[o]);
      assertGroupProtected(cellsOf(whole), overall, whole.eligible, exactEligible, 5, `seed ${seed} total row`);
      const published = report.retentionBreakdowns[0].rows;
      rows.forEach((row) => {
        const m = published.find((p) => p.key === row.key)!.milestones[0];
        assertGroupProtected(
          cellsOf(m),
          row.cells,
          m.eligible,
          row.cells.reduce((a, b) => a + b, 0),
          5,
          `seed ${seed} row ${row.key}`,
        );
      });
      OUTCOMES.forEach((o, c) => {
        const column = rows.map((row) => published.find((p) => p.key === row.key)!.milestones[0][o]);
        assertGroupProtected(
          column,
          rows.map((row) => row.cells[c]),
          whole[o],
          overall[c],
          5,
          `seed ${seed} column ${o}`,
        );
      });
    }
  });
});

describe('the Ministry report: de-identified', () => {
  // Every key anywhere in the report type, nested objects and arrays included.
  type DeepKeys<T> = T extends readonly (infer U)[]
    ? DeepKeys<U>
    : T extends object
      ? { [K in keyof T & string]: K | DeepKeys<T[K]> }[keyof T & string]
      : never;
  type PersonField =
    | 'clientId'
    | 'clientIds'
    | 'clientName'
    | 'counselorId'
    | 'phone'
    | 'email'
    | 'birthDate'
    | 'address'
    | 'contact'
    | 'residentNumber'
    | 'placementId'
    | 'employerName';
  // Compile-time: fails to type-check (and so this spec fails) if the report type ever gains a person field.
  const noPersonField: [Extract<DeepKeys<MinistryReportFigures>, PersonField>] extends [never] ? true : false = true;

  it('the report type has no field for a person', () => {
    expect(noPersonField).toBe(true);
  });

  it('copies figures field by field: a person smuggled into a source never reaches the report', () => {
    const given = sources();
    const person = { clientId: '6f1d2a90-0000-4000-8000-00000000c1a7', name: '김새일', phone: '010-1234-5678' };
    Object.assign(given.snapshot, { clients: [person] });
    Object.assign(given.snapshot.retention[0], { clientIds: [person.clientId] });
    Object.assign(given.kpi[0], { counselor: person });
    Object.assign(given.kpi[0].indicators[0], { enteredBy: person.name });
    given.breakdowns = [
      {
        dimension: 'program',
        rows: [Object.assign({ key: 'go100', figures: [milestone(1, [30, 6, 2, 1, 1])] }, { members: [person] })],
      },
    ];
    const text = canonicalJson(build(given));
    for (const value of Object.values(person)) expect(text).not.toContain(value);
    expect(text).toContain('"go100"');
  });
});
