import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { PlacementEvent } from '@saeil/contracts';
import type { CaseState } from '@saeil/intake/domain';
import { deciderSpec } from '../../../../tests/support/decider-spec';
import {
  EndEmployment,
  PayStartupGrant,
  placementsDecider,
  StartEmployment,
  StartStartup,
  VoidPlacement,
} from './placements.decider';

const clientId = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';
const placementId = '5d0c3c1e-8a53-4b8e-9a43-1f2f0d6c7a01';
const secondPlacementId = '5d0c3c1e-8a53-4b8e-9a43-1f2f0d6c7a02';
const startupId = '7e1d4b2a-1c1f-4e0b-8d6a-2b3c4d5e6f70';
const employerId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const today = '2026-03-20';

const openCase: CaseState = {
  exists: true,
  clientId,
  centerId: 'center-jinju',
  counselorId: 'counselor-kim',
  registeredOn: '2026-01-05',
  closed: false,
  consents: ['service', 'employer_sharing'],
  consentsGivenOn: { service: '2026-01-05', employer_sharing: '2026-01-20' },
};

const start: StartEmployment = {
  type: 'StartEmployment',
  clientId,
  case: openCase,
  today,
  placementId,
  employerId,
  employerName: ' (주)진주주얼리 ',
  jobTitle: '온라인 쇼핑몰 운영',
  occupation: '0231',
  employmentType: 'regular',
  weeklyHours: 40,
  monthlyWage: 2_300_000,
  startOn: '2026-03-02',
  channel: 'center',
  employmentInsurance: true,
};
const end: EndEmployment = {
  type: 'EndEmployment',
  clientId,
  case: openCase,
  today,
  placementId,
  endedOn: '2026-03-15',
  reason: 'resigned',
  note: '육아 부담',
};
const voidIt: VoidPlacement = {
  type: 'VoidPlacement',
  clientId,
  case: openCase,
  today,
  placementId,
  reason: '다른 구직자의 취업을 잘못 입력함',
};
const startup: StartStartup = {
  type: 'StartStartup',
  clientId,
  case: openCase,
  today,
  startupId,
  businessName: '주얼리 1인 쇼핑몰',
  industry: '전자상거래',
  startedOn: '2026-02-01',
};
const budget = { capPerTeam: 500_000, teamsPerCenter: 10 };
const grant: PayStartupGrant = {
  type: 'PayStartupGrant',
  clientId,
  case: openCase,
  today,
  startupId,
  amount: 300_000,
  paidOn: '2026-03-10',
  grantYear: 2026,
  budget,
};

/** when() checks every event produced against its published contract. */
const { given, when } = deciderSpec(placementsDecider, { checkEvent: assertMatchesContract });

const started = (): PlacementEvent[] => when(start).events();

describe('placements decider: employment start', () => {
  it('given no placement, when she starts a job via the center, then EmploymentStarted carries the job, with the occupation group from the KECO code', () => {
    when(start).then([
      {
        type: 'EmploymentStarted',
        data: {
          clientId,
          placementId,
          employerId,
          employerName: '(주)진주주얼리',
          jobTitle: '온라인 쇼핑몰 운영',
          occupation: '0231',
          occupationGroup: '0',
          employmentType: 'regular',
          weeklyHours: 40,
          monthlyWage: 2_300_000,
          startOn: '2026-03-02',
          channel: 'center',
          employmentInsurance: true,
        },
      },
    ]);
  });

  it('takes the stated group for an occupation given by name, and refuses a name without one (OCCUPATION_GROUP_REQUIRED)', () => {
    const [event] = when({ ...start, occupation: '간호조무사', occupationGroup: '3', employerId: undefined }).events();
    expect(event.data).toMatchObject({ occupation: '간호조무사', occupationGroup: '3' });
    expect(event.data).not.toHaveProperty('employerId');
    when({ ...start, occupation: '간호조무사' }).thenRefuses('OCCUPATION_GROUP_REQUIRED');
  });

  it('refuses a stated group that contradicts the KECO code (OCCUPATION_GROUP_MISMATCH)', () => {
    when({ ...start, occupation: '0231', occupationGroup: '5' }).thenRefuses(
      'OCCUPATION_GROUP_MISMATCH',
      expect.objectContaining({ expected: '0' }),
    );
  });

  it('given an unknown client, then 404', () => {
    when({ ...start, case: { exists: false, closed: false, consents: [] } }).thenRefuses('NOT_FOUND');
  });

  it('given her case is closed, then CASE_CLOSED', () => {
    when({ ...start, case: { ...openCase, closed: true } }).thenRefuses('CASE_CLOSED');
  });

  it('via the center needs the employer-sharing consent (CONSENT_REQUIRED); a self-found job needs only the service consent', () => {
    const serviceOnly: CaseState = { ...openCase, consents: ['service'] };
    when({ ...start, case: serviceOnly }).thenRefuses(
      'CONSENT_REQUIRED',
      expect.objectContaining({ missing: ['employer_sharing'] }),
    );
    expect(when({ ...start, case: serviceOnly, channel: 'self' }).events()[0].data).toMatchObject({ channel: 'self' });
    when({ ...start, case: { ...openCase, consents: [] }, channel: 'self' }).thenRefuses(
      'CONSENT_REQUIRED',
      expect.objectContaining({ missing: ['service'] }),
    );
  });

  it('given she registered on 2026-01-05, a job starting the day before is DATED_BEFORE_REGISTRATION; on her registration day it is recorded', () => {
    const selfFound = { ...start, channel: 'self' as const };
    when({ ...selfFound, startOn: '2026-01-04' }).thenRefuses(
      'DATED_BEFORE_REGISTRATION',
      expect.objectContaining({ field: 'startOn', registeredOn: '2026-01-05' }),
    );
    expect(when({ ...selfFound, startOn: '2026-01-05' }).events()).toHaveLength(1);
  });

  it('a referral dated before her employer-sharing consent (2026-01-20) is DATED_BEFORE_CONSENT; a self-found job needs only the service consent', () => {
    when({ ...start, startOn: '2026-01-19' }).thenRefuses(
      'DATED_BEFORE_CONSENT',
      expect.objectContaining({ field: 'startOn', purpose: 'employer_sharing', givenOn: '2026-01-20' }),
    );
    expect(when({ ...start, startOn: '2026-01-20' }).events()).toHaveLength(1);
    expect(when({ ...start, channel: 'self', startOn: '2026-01-19' }).events()).toHaveLength(1);
    const consentedLate: CaseState = {
      ...openCase,
      consentsGivenOn: { service: '2026-02-01', employer_sharing: '2026-01-20' },
    };
    when({ ...start, channel: 'self', startOn: '2026-01-31', case: consentedLate }).thenRefuses(
      'DATED_BEFORE_CONSENT',
      expect.objectContaining({ purpose: 'service' }),
    );
  });

  it('refuses a start date after today (DATE_IN_FUTURE) and accepts today', () => {
    when({ ...start, startOn: '2026-03-21' }).thenRefuses('DATE_IN_FUTURE');
    expect(when({ ...start, startOn: today }).events()).toHaveLength(1);
  });

  it.each([0, 0.5, 81, Number.NaN])('refuses %p weekly hours (WEEKLY_HOURS_OUT_OF_RANGE)', (weeklyHours) => {
    when({ ...start, weeklyHours }).thenRefuses('WEEKLY_HOURS_OUT_OF_RANGE');
  });

  it('accepts 1 and 80 weekly hours and a part-time 15.5', () => {
    for (const weeklyHours of [1, 80, 15.5])
      expect(when({ ...start, weeklyHours }).events()[0].data).toMatchObject({ weeklyHours });
  });

  it.each([-1, 20_000_001, 1500.5])('refuses a monthly wage of %p (MONTHLY_WAGE_OUT_OF_RANGE)', (monthlyWage) => {
    when({ ...start, monthlyWage }).thenRefuses('MONTHLY_WAGE_OUT_OF_RANGE');
  });

  it('given an active placement, when another starts, then ACTIVE_PLACEMENT_EXISTS naming the active one', () => {
    given(...started())
      .when({ ...start, placementId: secondPlacementId })
      .thenRefuses('ACTIVE_PLACEMENT_EXISTS', expect.objectContaining({ placementId, startOn: '2026-03-02' }));
  });

  it('given the first placement ended, when another starts, then it is recorded', () => {
    const history = [
      ...started(),
      ...given(...started())
        .when(end)
        .events(),
    ];
    expect(
      given(...history)
        .when({ ...start, placementId: secondPlacementId, startOn: '2026-03-18' })
        .events()[0].data,
    ).toMatchObject({ placementId: secondPlacementId });
  });

  it('given the first placement was voided, then the active slot is free again', () => {
    const history = [
      ...started(),
      ...given(...started())
        .when(voidIt)
        .events(),
    ];
    expect(
      given(...history)
        .when({ ...start, placementId: secondPlacementId })
        .events(),
    ).toHaveLength(1);
  });
});

describe('placements decider: employment end', () => {
  it('given an active placement, when it ends, then EmploymentEnded carries date, reason and note', () => {
    given(...started())
      .when(end)
      .then([
        {
          type: 'EmploymentEnded',
          data: { clientId, placementId, endedOn: '2026-03-15', reason: 'resigned', note: '육아 부담' },
        },
      ]);
  });

  it('leaves a blank note out', () => {
    expect(
      given(...started())
        .when({ ...end, note: '  ' })
        .events()[0].data,
    ).not.toHaveProperty('note');
  });

  it('refuses an end before the start (DATES_OUT_OF_ORDER) and accepts an end on the start day', () => {
    given(...started())
      .when({ ...end, endedOn: '2026-03-01' })
      .thenRefuses('DATES_OUT_OF_ORDER');
    expect(
      given(...started())
        .when({ ...end, endedOn: '2026-03-02' })
        .events(),
    ).toHaveLength(1);
  });

  it('refuses an end in the future (DATE_IN_FUTURE)', () => {
    given(...started())
      .when({ ...end, endedOn: '2026-04-01' })
      .thenRefuses('DATE_IN_FUTURE');
  });

  it('given an unknown placement, then 404', () => {
    given(...started())
      .when({ ...end, placementId: secondPlacementId })
      .thenRefuses('NOT_FOUND');
  });

  it('given it already ended, then PLACEMENT_ALREADY_ENDED; given it was voided, then PLACEMENT_VOIDED', () => {
    const history = started();
    given(
      ...history,
      ...given(...history)
        .when(end)
        .events(),
    )
      .when(end)
      .thenRefuses('PLACEMENT_ALREADY_ENDED');
    given(
      ...history,
      ...given(...history)
        .when(voidIt)
        .events(),
    )
      .when(end)
      .thenRefuses('PLACEMENT_VOIDED');
  });

  it('given her case is closed, then CASE_CLOSED', () => {
    given(...started())
      .when({ ...end, case: { ...openCase, closed: true } })
      .thenRefuses('CASE_CLOSED');
  });
});

describe('placements decider: void', () => {
  it('given a placement entered by mistake, when voided, then PlacementVoided with the reason', () => {
    given(...started())
      .when(voidIt)
      .then([{ type: 'PlacementVoided', data: { clientId, placementId, reason: '다른 구직자의 취업을 잘못 입력함' } }]);
  });

  it('can correct a record on a closed case', () => {
    expect(
      given(...started())
        .when({ ...voidIt, case: { ...openCase, closed: true } })
        .events(),
    ).toHaveLength(1);
  });

  it('refuses an unknown placement (404), an unknown client (404), an ended or voided one (422), and a blank reason', () => {
    when(voidIt).thenRefuses('NOT_FOUND');
    given(...started())
      .when({ ...voidIt, case: { exists: false, closed: false, consents: [] } })
      .thenRefuses('NOT_FOUND');
    const history = started();
    given(
      ...history,
      ...given(...history)
        .when(end)
        .events(),
    )
      .when(voidIt)
      .thenRefuses('PLACEMENT_ALREADY_ENDED');
    given(
      ...history,
      ...given(...history)
        .when(voidIt)
        .events(),
    )
      .when(voidIt)
      .thenRefuses('PLACEMENT_VOIDED');
    given(...history)
      .when({ ...voidIt, reason: '  ' })
      .thenRefuses('REASON_REQUIRED');
  });
});

describe('placements decider: startup support', () => {
  const startedUp = (): PlacementEvent[] => when(startup).events();

  it('records a business she started as its own outcome, while she also has an active placement', () => {
    given(...started())
      .when({ ...startup, teamId: 'team-2026-03' })
      .then([
        {
          type: 'StartupStarted',
          data: {
            clientId,
            startupId,
            businessName: '주얼리 1인 쇼핑몰',
            industry: '전자상거래',
            startedOn: '2026-02-01',
            teamId: 'team-2026-03',
          },
        },
      ]);
  });

  it('refuses a startup on a closed case, in the future, or recorded twice', () => {
    when({ ...startup, case: { ...openCase, closed: true } }).thenRefuses('CASE_CLOSED');
    when({ ...startup, startedOn: '2026-03-21' }).thenRefuses('DATE_IN_FUTURE');
    given(...startedUp())
      .when(startup)
      .thenRefuses('STARTUP_ALREADY_RECORDED');
    when({ ...startup, startedOn: '2026-01-04' }).thenRefuses(
      'DATED_BEFORE_REGISTRATION',
      expect.objectContaining({ field: 'startedOn' }),
    );
  });

  it('pays a marketing grant against her center and team (the startup itself when she has no team)', () => {
    given(...startedUp())
      .when(grant)
      .then([
        {
          type: 'StartupGrantPaid',
          data: {
            clientId,
            startupId,
            amount: 300_000,
            paidOn: '2026-03-10',
            grantYear: 2026,
            centerId: 'center-jinju',
            teamKey: startupId,
          },
        },
      ]);
    const teamHistory = when({ ...startup, teamId: 'team-a' }).events();
    expect(
      given(...teamHistory)
        .when(grant)
        .events()[0].data,
    ).toMatchObject({ teamKey: 'team-a' });
  });

  it('given 300,000 KRW paid this year, when 200,000 more, then exactly the 500,000 cap; 200,001 is GRANT_OVER_CAP', () => {
    const history = [
      ...startedUp(),
      ...given(...startedUp())
        .when(grant)
        .events(),
    ];
    expect(
      given(...history)
        .when({ ...grant, amount: 200_000 })
        .events(),
    ).toHaveLength(1);
    given(...history)
      .when({ ...grant, amount: 200_001 })
      .thenRefuses('GRANT_OVER_CAP', expect.objectContaining({ alreadyPaid: 300_000, remaining: 200_000 }));
  });

  it('counts the cap per grant year: last year’s grants do not use this year’s cap', () => {
    const history = [
      ...startedUp(),
      ...given(...startedUp())
        .when({ ...grant, amount: 500_000, paidOn: '2026-02-10', grantYear: 2025 })
        .events(),
    ];
    expect(
      given(...history)
        .when({ ...grant, amount: 500_000 })
        .events()[0].data,
    ).toMatchObject({ grantYear: 2026 });
  });

  it('refuses a single grant above the cap, a zero amount, an unknown startup (404), and a closed case', () => {
    given(...startedUp())
      .when({ ...grant, amount: 500_001 })
      .thenRefuses('GRANT_OVER_CAP');
    given(...startedUp())
      .when({ ...grant, amount: 0 })
      .thenRefuses('GRANT_AMOUNT_INVALID');
    when(grant).thenRefuses('NOT_FOUND');
    given(...startedUp())
      .when({ ...grant, case: { ...openCase, closed: true } })
      .thenRefuses('CASE_CLOSED');
  });

  it('refuses a payment before the business started (DATES_OUT_OF_ORDER), in the future, or for a grant year other than the payment’s or the one before', () => {
    given(...startedUp())
      .when({ ...grant, paidOn: '2026-01-31' })
      .thenRefuses('DATES_OUT_OF_ORDER');
    given(...startedUp())
      .when({ ...grant, paidOn: '2026-03-21' })
      .thenRefuses('DATE_IN_FUTURE');
    given(...startedUp())
      .when({ ...grant, grantYear: 2024 })
      .thenRefuses('GRANT_YEAR_MISMATCH');
    given(...startedUp())
      .when({ ...grant, grantYear: 2027 })
      .thenRefuses('GRANT_YEAR_MISMATCH');
  });
});
