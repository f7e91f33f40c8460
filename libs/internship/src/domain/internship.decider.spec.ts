import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { InternshipEvent } from '@saeil/contracts';
import type { CaseState } from '@saeil/intake/domain';
import { addMonths } from '@saeil/core';
import { internshipDecider, monthEndsOn, StartInternship } from './internship.decider';
import type { SubsidySchedules } from './subsidy-schedule';
import { deciderSpec } from '../../../../tests/support/decider-spec';

const internshipId = '7a4c2e10-9b3d-4f5e-8a6b-1c2d3e4f5a60';
const clientId = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';
const today = '2026-11-22';

/** The shape of config/internship-subsidies.json: 800,000 KRW a month for 3 months, bonuses 6 months after conversion. */
const nationalDefault: SubsidySchedules = {
  programs: [
    {
      programYear: 2025,
      region: '*',
      conversionWindowDays: 30,
      payments: [
        { no: 1, kind: 'monthly', recipient: 'employer', amount: 800_000, month: 1 },
        { no: 2, kind: 'monthly', recipient: 'employer', amount: 800_000, month: 2 },
        { no: 3, kind: 'monthly', recipient: 'employer', amount: 800_000, month: 3 },
        { no: 4, kind: 'retention_bonus', recipient: 'employer', amount: 800_000, monthsAfterConversion: 6 },
        { no: 5, kind: 'retention_bonus', recipient: 'worker', amount: 600_000, monthsAfterConversion: 6 },
      ],
    },
  ],
};

/** Another configuration: 전라남도 pays 1,000,000 KRW for 2 months and converts within 60 days. */
const withRegionalProgram: SubsidySchedules = {
  programs: [
    ...nationalDefault.programs,
    {
      programYear: 2025,
      region: '전라남도',
      conversionWindowDays: 60,
      payments: [
        { no: 1, kind: 'monthly', recipient: 'employer', amount: 1_000_000, month: 1 },
        { no: 2, kind: 'monthly', recipient: 'employer', amount: 1_000_000, month: 2 },
        { no: 3, kind: 'retention_bonus', recipient: 'employer', amount: 1_200_000, monthsAfterConversion: 3 },
      ],
    },
  ],
};

const openCase: CaseState = {
  exists: true,
  clientId,
  centerId: 'center-naju',
  counselorId: 'counselor-kim',
  closed: false,
  consents: ['service', 'employer_sharing'],
};
const base = { internshipId, case: openCase, today };

const start: StartInternship = {
  type: 'StartInternship',
  ...base,
  clientId,
  employerId: 'employer-jinju-care',
  employerName: ' 진주요양병원 ',
  jobTitle: '간호조무사',
  startOn: '2025-09-01',
  plannedEndOn: '2025-11-30',
  region: '경상남도',
  schedules: nationalDefault,
};

/** Every event decided is checked against its published contract. */
const { given, when } = deciderSpec(internshipDecider, { checkEvent: assertMatchesContract });

const [started] = when(start).events();
const startedIn = (region: string): InternshipEvent => ({
  type: 'InternshipStarted',
  data: { ...(started.data as object), region } as never,
});
const ended = (
  endedOn: string,
  reason: 'completed' | 'quit' | 'dismissed' | 'other' = 'completed',
): InternshipEvent => ({ type: 'InternshipEnded', data: { internshipId, clientId, endedOn, reason } });
const converted = (convertedOn: string, employmentType: 'regular' | 'contract' = 'regular'): InternshipEvent => ({
  type: 'InternshipConverted',
  data: {
    internshipId,
    clientId,
    employerId: 'employer-jinju-care',
    employerName: '진주요양병원',
    convertedOn,
    jobTitle: '간호조무사',
    employmentType,
  },
});

const endCmd = (endedOn: string, reason: 'completed' | 'quit' = 'completed') => ({
  type: 'EndInternship' as const,
  ...base,
  endedOn,
  reason,
});
const convertCmd = (convertedOn: string, schedules = nationalDefault) => ({
  type: 'ConvertInternship' as const,
  ...base,
  convertedOn,
  jobTitle: ' 간호조무사 ',
  employmentType: 'regular' as const,
  schedules,
});
const payCmd = (
  paymentNo: number,
  paidOn: string,
  overrides: Partial<{
    kind: 'monthly' | 'retention_bonus';
    recipient: 'employer' | 'worker';
    amount: number;
    schedules: SubsidySchedules;
  }> = {},
) => ({
  type: 'PayInternshipSubsidy' as const,
  ...base,
  paymentNo,
  kind: 'monthly' as const,
  recipient: 'employer' as const,
  amount: 800_000,
  paidOn,
  schedules: nationalDefault,
  ...overrides,
});
const paid = (paymentNo: number, paidOn: string, month?: number): InternshipEvent => ({
  type: 'InternshipSubsidyPaid',
  data: {
    internshipId,
    clientId,
    paymentNo,
    kind: 'monthly',
    recipient: 'employer',
    amount: 800_000,
    paidOn,
    ...(month ? { month } : {}),
    programYear: 2025,
    region: '경상남도',
  },
});

describe('internship decider: start', () => {
  it('given nothing, when starting, then InternshipStarted names her, the employer, the dates, the program year (from startOn) and region', () => {
    expect(started).toEqual({
      type: 'InternshipStarted',
      data: {
        internshipId,
        clientId,
        centerId: 'center-naju',
        employerId: 'employer-jinju-care',
        employerName: '진주요양병원',
        jobTitle: '간호조무사',
        startOn: '2025-09-01',
        plannedEndOn: '2025-11-30',
        programYear: 2025,
        region: '경상남도',
      },
    });
  });

  it('sends her to an employer: needs both the service and the employer-sharing consents, and an open case', () => {
    when({ ...start, case: { ...openCase, consents: ['service'] } }).thenRefuses('CONSENT_REQUIRED', {
      missing: ['employer_sharing'],
    });
    when({ ...start, case: { ...openCase, closed: true } }).thenRefuses('CASE_CLOSED');
    when({ ...start, case: { exists: false, closed: false, consents: [] } }).thenRefuses('NOT_FOUND');
  });

  it('refuses a second active internship with INTERNSHIP_ALREADY_ACTIVE', () => {
    when({ ...start, activeInternshipId: 'c3d7a8e2-0000-4000-8000-000000000001' }).thenRefuses(
      'INTERNSHIP_ALREADY_ACTIVE',
      { activeInternshipId: 'c3d7a8e2-0000-4000-8000-000000000001' },
    );
  });

  it('refuses a start in the future, a planned end before the start, and a year without a configured schedule', () => {
    when({ ...start, startOn: '2026-11-23', plannedEndOn: '2027-02-22' }).thenRefuses('DATE_IN_FUTURE');
    when({ ...start, plannedEndOn: '2025-08-31' }).thenRefuses('INTERNSHIP_DATES_INVERTED');
    when({ ...start, programYear: 2024 }).thenRefuses('SUBSIDY_SCHEDULE_MISSING', {
      programYear: 2024,
      region: '경상남도',
    });
  });
});

describe('internship decider: end', () => {
  it('given an active internship, InternshipEnded records the last day and reason', () => {
    given(started)
      .when(endCmd('2025-11-30'))
      .then([
        { type: 'InternshipEnded', data: { internshipId, clientId, endedOn: '2025-11-30', reason: 'completed' } },
      ]);
  });

  it('an unknown internship is a 404', () => {
    when(endCmd('2025-11-30')).thenRefuses('NOT_FOUND');
  });

  it('refuses ending one that is not active (ended or converted) with INTERNSHIP_NOT_ACTIVE', () => {
    given(started, ended('2025-11-30')).when(endCmd('2025-12-01')).thenRefuses('INTERNSHIP_NOT_ACTIVE');
    given(started, converted('2025-11-01')).when(endCmd('2025-12-01')).thenRefuses('INTERNSHIP_NOT_ACTIVE');
  });

  it('refuses an end before the start (DATE_BEFORE_START) or in the future (DATE_IN_FUTURE)', () => {
    given(started).when(endCmd('2025-08-31')).thenRefuses('DATE_BEFORE_START');
    given(started).when(endCmd('2026-11-23')).thenRefuses('DATE_IN_FUTURE');
  });

  it('needs her case open', () => {
    given(started)
      .when({ ...endCmd('2025-11-30'), case: { ...openCase, consents: [] } })
      .thenRefuses('CONSENT_REQUIRED');
  });
});

describe('internship decider: conversion', () => {
  it('converts an active internship', () => {
    given(started)
      .when(convertCmd('2025-11-01'))
      .then([
        {
          type: 'InternshipConverted',
          data: {
            internshipId,
            clientId,
            employerId: 'employer-jinju-care',
            employerName: '진주요양병원',
            convertedOn: '2025-11-01',
            jobTitle: '간호조무사',
            employmentType: 'regular',
          },
        },
      ]);
  });

  it('converts one just completed, within the configured window', () => {
    expect(given(started, ended('2025-11-30')).when(convertCmd('2025-12-30')).events()).toHaveLength(1);
    given(started, ended('2025-11-30')).when(convertCmd('2025-12-31')).thenRefuses('CONVERSION_WINDOW_PASSED', {
      endedOn: '2025-11-30',
      conversionWindowDays: 30,
      lastDay: '2025-12-30',
    });
  });

  it('the window is configuration: 60 days in the 전라남도 program of the other configuration', () => {
    expect(
      given(startedIn('전라남도'), ended('2025-11-30')).when(convertCmd('2026-01-29', withRegionalProgram)).events(),
    ).toHaveLength(1);
  });

  it('refuses converting one she quit or was dismissed from with INTERNSHIP_NOT_ACTIVE', () => {
    given(started, ended('2025-10-15', 'quit'))
      .when(convertCmd('2025-11-01'))
      .thenRefuses('INTERNSHIP_NOT_ACTIVE', { status: 'ended', endReason: 'quit' });
    given(started, ended('2025-10-15', 'dismissed'))
      .when(convertCmd('2025-11-01'))
      .thenRefuses('INTERNSHIP_NOT_ACTIVE');
  });

  it('refuses a conversion on or before the last internship day, before the start, twice, or in the future', () => {
    given(started, ended('2025-11-30')).when(convertCmd('2025-11-30')).thenRefuses('CONVERSION_BEFORE_INTERNSHIP_END');
    given(started).when(convertCmd('2025-08-01')).thenRefuses('DATE_BEFORE_START');
    given(started, converted('2025-12-01')).when(convertCmd('2025-12-02')).thenRefuses('ALREADY_CONVERTED');
    given(started).when(convertCmd('2026-11-23')).thenRefuses('DATE_IN_FUTURE');
  });
});

describe('internship decider: subsidy payments follow the configured schedule', () => {
  const completedAndConverted = [started, ended('2025-11-30'), converted('2025-12-01')];

  it('pays each month once that month is over, with the configured amount', () => {
    expect(monthEndsOn('2025-09-01', 1)).toBe('2025-09-30');
    given(started)
      .when(payCmd(1, '2025-10-01'))
      .then([paid(1, '2025-10-01', 1)]);
    given(...completedAndConverted)
      .when(payCmd(3, '2025-12-05'))
      .then([paid(3, '2025-12-05', 3)]);
  });

  it('refuses a monthly payment before that month is over with SUBSIDY_NOT_DUE', () => {
    given(started)
      .when(payCmd(1, '2025-09-30'))
      .thenRefuses('SUBSIDY_NOT_DUE', { month: 1, dueFrom: '2025-10-01', paidOn: '2025-09-30' });
  });

  it('refuses a payment before the internship started with SUBSIDY_BEFORE_START', () => {
    given(started).when(payCmd(1, '2025-08-31')).thenRefuses('SUBSIDY_BEFORE_START');
  });

  it('refuses a payment number the schedule does not have, or whose kind or recipient differ, with SUBSIDY_NOT_IN_SCHEDULE', () => {
    given(...completedAndConverted)
      .when(payCmd(6, '2025-12-05'))
      .thenRefuses('SUBSIDY_NOT_IN_SCHEDULE');
    given(...completedAndConverted)
      .when(payCmd(1, '2025-12-05', { recipient: 'worker' }))
      .thenRefuses('SUBSIDY_NOT_IN_SCHEDULE');
    given(...completedAndConverted)
      .when(payCmd(4, '2026-07-01'))
      .thenRefuses('SUBSIDY_NOT_IN_SCHEDULE');
  });

  it('refuses another amount than the configured one with SUBSIDY_AMOUNT_MISMATCH', () => {
    given(started)
      .when(payCmd(1, '2025-10-01', { amount: 900_000 }))
      .thenRefuses('SUBSIDY_AMOUNT_MISMATCH', { paymentNo: 1, expected: 800_000, given: 900_000 });
  });

  it('refuses paying the same scheduled payment twice with SUBSIDY_ALREADY_PAID', () => {
    given(started, paid(1, '2025-10-01', 1))
      .when(payCmd(1, '2025-10-02'))
      .thenRefuses('SUBSIDY_ALREADY_PAID', { paymentNo: 1, paidOn: '2025-10-01' });
  });

  it('pays only months actually interned: after she quit in month 2, month 1 is payable and month 2 is not (MONTH_NOT_INTERNED)', () => {
    const quit = [started, ended('2025-10-20', 'quit')];
    expect(
      given(...quit)
        .when(payCmd(1, '2025-11-03'))
        .events(),
    ).toHaveLength(1);
    given(...quit)
      .when(payCmd(2, '2025-11-03'))
      .thenRefuses('MONTH_NOT_INTERNED', { month: 2, monthEndsOn: '2025-10-31', internedThrough: '2025-10-20' });
  });

  it('a conversion during month 3 ends the internship: month 3 is not payable', () => {
    const convertedEarly = [started, converted('2025-11-15')];
    given(...convertedEarly)
      .when(payCmd(3, '2025-12-05'))
      .thenRefuses('MONTH_NOT_INTERNED', { month: 3, monthEndsOn: '2025-11-30', internedThrough: '2025-11-14' });
    expect(
      given(...convertedEarly)
        .when(payCmd(2, '2025-12-05'))
        .events(),
    ).toHaveLength(1);
  });

  it('pays the retention bonuses only after a conversion to a regular post and the configured months', () => {
    const bonus = (paidOn: string, history = completedAndConverted) =>
      given(...history).when(payCmd(4, paidOn, { kind: 'retention_bonus' }));
    bonus('2026-06-01', [started, ended('2025-11-30')]).thenRefuses('CONVERSION_REQUIRED');
    bonus('2026-06-01', [started, ended('2025-11-30'), converted('2025-12-01', 'contract')]).thenRefuses(
      'CONVERSION_REQUIRED',
      { conversion: 'contract' },
    );
    bonus('2026-05-31').thenRefuses('SUBSIDY_NOT_DUE', {
      monthsAfterConversion: 6,
      dueFrom: '2026-06-01',
      paidOn: '2026-05-31',
    });
    bonus('2026-06-01').then([
      {
        type: 'InternshipSubsidyPaid',
        data: {
          internshipId,
          clientId,
          paymentNo: 4,
          kind: 'retention_bonus',
          recipient: 'employer',
          amount: 800_000,
          paidOn: '2026-06-01',
          programYear: 2025,
          region: '경상남도',
        },
      },
    ]);
    const toHer = given(...completedAndConverted)
      .when(payCmd(5, '2026-06-01', { kind: 'retention_bonus', recipient: 'worker', amount: 600_000 }))
      .events();
    expect(toHer[0].data).toMatchObject({ paymentNo: 5, recipient: 'worker', amount: 600_000 });
  });

  it('refuses a payment dated in the future with DATE_IN_FUTURE', () => {
    given(...completedAndConverted)
      .when(payCmd(4, '2026-11-23', { kind: 'retention_bonus' }))
      .thenRefuses('DATE_IN_FUTURE');
  });

  it('the schedule is configuration: the same payment is right under one configuration and wrong under another', () => {
    const inJeonnam = [startedIn('전라남도')];
    // Under the national default alone, 전라남도 falls back to '*': 800,000 KRW is the amount.
    expect(
      given(...inJeonnam)
        .when(payCmd(1, '2025-10-01'))
        .events()[0].data,
    ).toMatchObject({ amount: 800_000, region: '전라남도' });
    // Under a configuration with a 전라남도 program, the same payment is refused: 1,000,000 KRW is due.
    given(...inJeonnam)
      .when(payCmd(1, '2025-10-01', { schedules: withRegionalProgram }))
      .thenRefuses('SUBSIDY_AMOUNT_MISMATCH', { paymentNo: 1, expected: 1_000_000, given: 800_000 });
    expect(
      given(...inJeonnam)
        .when(payCmd(1, '2025-10-01', { schedules: withRegionalProgram, amount: 1_000_000 }))
        .events()[0].data,
    ).toMatchObject({ amount: 1_000_000 });
    // …which also has no third monthly payment: payment 3 there is a retention bonus.
    given(startedIn('전라남도'), ended('2025-11-30'))
      .when(payCmd(3, '2025-12-05', { schedules: withRegionalProgram, amount: 1_000_000 }))
      .thenRefuses('SUBSIDY_NOT_IN_SCHEDULE');
    // Other regions keep the default.
    expect(
      given(started)
        .when(payCmd(1, '2025-10-01', { schedules: withRegionalProgram }))
        .events()[0].data,
    ).toMatchObject({ amount: 800_000 });
  });

  it('refuses payments when the configuration no longer has the program (SUBSIDY_SCHEDULE_MISSING)', () => {
    given(started)
      .when(payCmd(1, '2025-10-01', { schedules: { programs: [] } }))
      .thenRefuses('SUBSIDY_SCHEDULE_MISSING');
  });
});

describe('month arithmetic (glossary milestone rule)', () => {
  it('the same day N months later, or the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(monthEndsOn('2025-01-31', 1)).toBe('2025-02-27');
  });
});
