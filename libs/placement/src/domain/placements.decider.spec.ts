import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { PlacementEvent } from '@saeil/contracts';
import { NotFound } from '@saeil/core';
import type { CaseState } from '@saeil/intake/domain';
import { legacyDeciderSpec as deciderSpec } from '../../../../tests/support/decider-spec';
import { EndEmployment, PayStartupGrant, placementsDecider, StartEmployment, StartStartup, VoidPlacement } from './placements.decider';

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
const end: EndEmployment = { type: 'EndEmployment', clientId, case: openCase, today, placementId, endedOn: '2026-03-15', reason: 'resigned', note: '육아 부담' };
const voidIt: VoidPlacement = { type: 'VoidPlacement', clientId, case: openCase, today, placementId, reason: '다른 구직자의 취업을 잘못 입력함' };
const startup: StartStartup = { type: 'StartStartup', clientId, case: openCase, today, startupId, businessName: '주얼리 1인 쇼핑몰', industry: '전자상거래', startedOn: '2026-02-01' };
const budget = { capPerTeam: 500_000, teamsPerCenter: 10 };
const grant: PayStartupGrant = { type: 'PayStartupGrant', clientId, case: openCase, today, startupId, amount: 300_000, paidOn: '2026-03-10', grantYear: 2026, budget };

/** when() checks every event produced against its published contract. */
const { when, refusal } = deciderSpec(placementsDecider, { checkEvent: assertMatchesContract });

const started = (): PlacementEvent[] => when(start);

describe('placements decider: employment start', () => {
  it('given no placement, when she starts a job via the center, then EmploymentStarted carries the job, with the occupation group from the KECO code', () => {
    expect(when(start)).toEqual([
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
    const [event] = when({ ...start, occupation: '간호조무사', occupationGroup: '3', employerId: undefined });
    expect(event.data).toMatchObject({ occupation: '간호조무사', occupationGroup: '3' });
    expect(event.data).not.toHaveProperty('employerId');
    expect(refusal({ ...start, occupation: '간호조무사' }).code).toBe('OCCUPATION_GROUP_REQUIRED');
  });

  it('refuses a stated group that contradicts the KECO code (OCCUPATION_GROUP_MISMATCH)', () => {
    expect(refusal({ ...start, occupation: '0231', occupationGroup: '5' })).toMatchObject({ code: 'OCCUPATION_GROUP_MISMATCH', details: { expected: '0' } });
  });

  it('given an unknown client, then 404', () => {
    expect(refusal({ ...start, case: { exists: false, closed: false, consents: [] } })).toBeInstanceOf(NotFound);
  });

  it('given her case is closed, then CASE_CLOSED', () => {
    expect(refusal({ ...start, case: { ...openCase, closed: true } }).code).toBe('CASE_CLOSED');
  });

  it('via the center needs the employer-sharing consent (CONSENT_REQUIRED); a self-found job needs only the service consent', () => {
    const serviceOnly: CaseState = { ...openCase, consents: ['service'] };
    expect(refusal({ ...start, case: serviceOnly })).toMatchObject({ code: 'CONSENT_REQUIRED', details: { missing: ['employer_sharing'] } });
    expect(when({ ...start, case: serviceOnly, channel: 'self' })[0].data).toMatchObject({ channel: 'self' });
    expect(refusal({ ...start, case: { ...openCase, consents: [] }, channel: 'self' })).toMatchObject({ code: 'CONSENT_REQUIRED', details: { missing: ['service'] } });
  });

  it('given she registered on 2026-01-05, a job starting the day before is DATED_BEFORE_REGISTRATION; on her registration day it is recorded', () => {
    const selfFound = { ...start, channel: 'self' as const };
    expect(refusal({ ...selfFound, startOn: '2026-01-04' })).toMatchObject({ code: 'DATED_BEFORE_REGISTRATION', details: { field: 'startOn', registeredOn: '2026-01-05' } });
    expect(when({ ...selfFound, startOn: '2026-01-05' })).toHaveLength(1);
  });

  it('a referral dated before her employer-sharing consent (2026-01-20) is DATED_BEFORE_CONSENT; a self-found job needs only the service consent', () => {
    expect(refusal({ ...start, startOn: '2026-01-19' })).toMatchObject({ code: 'DATED_BEFORE_CONSENT', details: { field: 'startOn', purpose: 'employer_sharing', givenOn: '2026-01-20' } });
    expect(when({ ...start, startOn: '2026-01-20' })).toHaveLength(1);
    expect(when({ ...start, channel: 'self', startOn: '2026-01-19' })).toHaveLength(1);
    const consentedLate: CaseState = { ...openCase, consentsGivenOn: { service: '2026-02-01', employer_sharing: '2026-01-20' } };
    expect(refusal({ ...start, channel: 'self', startOn: '2026-01-31', case: consentedLate })).toMatchObject({ code: 'DATED_BEFORE_CONSENT', details: { purpose: 'service' } });
  });

  it('refuses a start date after today (DATE_IN_FUTURE) and accepts today', () => {
    expect(refusal({ ...start, startOn: '2026-03-21' }).code).toBe('DATE_IN_FUTURE');
    expect(when({ ...start, startOn: today })).toHaveLength(1);
  });

  it.each([0, 0.5, 81, Number.NaN])('refuses %p weekly hours (WEEKLY_HOURS_OUT_OF_RANGE)', (weeklyHours) => {
    expect(refusal({ ...start, weeklyHours }).code).toBe('WEEKLY_HOURS_OUT_OF_RANGE');
  });

  it('accepts 1 and 80 weekly hours and a part-time 15.5', () => {
    for (const weeklyHours of [1, 80, 15.5]) expect(when({ ...start, weeklyHours })[0].data).toMatchObject({ weeklyHours });
  });

  it.each([-1, 20_000_001, 1500.5])('refuses a monthly wage of %p (MONTHLY_WAGE_OUT_OF_RANGE)', (monthlyWage) => {
    expect(refusal({ ...start, monthlyWage }).code).toBe('MONTHLY_WAGE_OUT_OF_RANGE');
  });

  it('given an active placement, when another starts, then ACTIVE_PLACEMENT_EXISTS naming the active one', () => {
    expect(refusal({ ...start, placementId: secondPlacementId }, started())).toMatchObject({ code: 'ACTIVE_PLACEMENT_EXISTS', details: { placementId, startOn: '2026-03-02' } });
  });

  it('given the first placement ended, when another starts, then it is recorded', () => {
    const history = [...started(), ...when(end, started())];
    expect(when({ ...start, placementId: secondPlacementId, startOn: '2026-03-18' }, history)[0].data).toMatchObject({ placementId: secondPlacementId });
  });

  it('given the first placement was voided, then the active slot is free again', () => {
    const history = [...started(), ...when(voidIt, started())];
    expect(when({ ...start, placementId: secondPlacementId }, history)).toHaveLength(1);
  });
});

describe('placements decider: employment end', () => {
  it('given an active placement, when it ends, then EmploymentEnded carries date, reason and note', () => {
    expect(when(end, started())).toEqual([{ type: 'EmploymentEnded', data: { clientId, placementId, endedOn: '2026-03-15', reason: 'resigned', note: '육아 부담' } }]);
  });

  it('leaves a blank note out', () => {
    expect(when({ ...end, note: '  ' }, started())[0].data).not.toHaveProperty('note');
  });

  it('refuses an end before the start (DATES_OUT_OF_ORDER) and accepts an end on the start day', () => {
    expect(refusal({ ...end, endedOn: '2026-03-01' }, started()).code).toBe('DATES_OUT_OF_ORDER');
    expect(when({ ...end, endedOn: '2026-03-02' }, started())).toHaveLength(1);
  });

  it('refuses an end in the future (DATE_IN_FUTURE)', () => {
    expect(refusal({ ...end, endedOn: '2026-04-01' }, started()).code).toBe('DATE_IN_FUTURE');
  });

  it('given an unknown placement, then 404', () => {
    expect(refusal({ ...end, placementId: secondPlacementId }, started())).toBeInstanceOf(NotFound);
  });

  it('given it already ended, then PLACEMENT_ALREADY_ENDED; given it was voided, then PLACEMENT_VOIDED', () => {
    const history = started();
    expect(refusal(end, [...history, ...when(end, history)]).code).toBe('PLACEMENT_ALREADY_ENDED');
    expect(refusal(end, [...history, ...when(voidIt, history)]).code).toBe('PLACEMENT_VOIDED');
  });

  it('given her case is closed, then CASE_CLOSED', () => {
    expect(refusal({ ...end, case: { ...openCase, closed: true } }, started()).code).toBe('CASE_CLOSED');
  });
});

describe('placements decider: void', () => {
  it('given a placement entered by mistake, when voided, then PlacementVoided with the reason', () => {
    expect(when(voidIt, started())).toEqual([{ type: 'PlacementVoided', data: { clientId, placementId, reason: '다른 구직자의 취업을 잘못 입력함' } }]);
  });

  it('can correct a record on a closed case', () => {
    expect(when({ ...voidIt, case: { ...openCase, closed: true } }, started())).toHaveLength(1);
  });

  it('refuses an unknown placement (404), an unknown client (404), an ended or voided one (422), and a blank reason', () => {
    expect(refusal(voidIt)).toBeInstanceOf(NotFound);
    expect(refusal({ ...voidIt, case: { exists: false, closed: false, consents: [] } }, started())).toBeInstanceOf(NotFound);
    const history = started();
    expect(refusal(voidIt, [...history, ...when(end, history)]).code).toBe('PLACEMENT_ALREADY_ENDED');
    expect(refusal(voidIt, [...history, ...when(voidIt, history)]).code).toBe('PLACEMENT_VOIDED');
    expect(refusal({ ...voidIt, reason: '  ' }, history).code).toBe('REASON_REQUIRED');
  });
});

describe('placements decider: startup support', () => {
  const startedUp = (): PlacementEvent[] => when(startup);

  it('records a business she started as its own outcome, while she also has an active placement', () => {
    expect(when({ ...startup, teamId: 'team-2026-03' }, started())).toEqual([
      { type: 'StartupStarted', data: { clientId, startupId, businessName: '주얼리 1인 쇼핑몰', industry: '전자상거래', startedOn: '2026-02-01', teamId: 'team-2026-03' } },
    ]);
  });

  it('refuses a startup on a closed case, in the future, or recorded twice', () => {
    expect(refusal({ ...startup, case: { ...openCase, closed: true } }).code).toBe('CASE_CLOSED');
    expect(refusal({ ...startup, startedOn: '2026-03-21' }).code).toBe('DATE_IN_FUTURE');
    expect(refusal(startup, startedUp()).code).toBe('STARTUP_ALREADY_RECORDED');
    expect(refusal({ ...startup, startedOn: '2026-01-04' })).toMatchObject({ code: 'DATED_BEFORE_REGISTRATION', details: { field: 'startedOn' } });
  });

  it('pays a marketing grant against her center and team (the startup itself when she has no team)', () => {
    expect(when(grant, startedUp())).toEqual([
      { type: 'StartupGrantPaid', data: { clientId, startupId, amount: 300_000, paidOn: '2026-03-10', grantYear: 2026, centerId: 'center-jinju', teamKey: startupId } },
    ]);
    const teamHistory = when({ ...startup, teamId: 'team-a' });
    expect(when(grant, teamHistory)[0].data).toMatchObject({ teamKey: 'team-a' });
  });

  it('given 300,000 KRW paid this year, when 200,000 more, then exactly the 500,000 cap; 200,001 is GRANT_OVER_CAP', () => {
    const history = [...startedUp(), ...when(grant, startedUp())];
    expect(when({ ...grant, amount: 200_000 }, history)).toHaveLength(1);
    expect(refusal({ ...grant, amount: 200_001 }, history)).toMatchObject({ code: 'GRANT_OVER_CAP', details: { alreadyPaid: 300_000, remaining: 200_000 } });
  });

  it('counts the cap per grant year: last year’s grants do not use this year’s cap', () => {
    const history = [...startedUp(), ...when({ ...grant, amount: 500_000, paidOn: '2026-02-10', grantYear: 2025 }, startedUp())];
    expect(when({ ...grant, amount: 500_000 }, history)[0].data).toMatchObject({ grantYear: 2026 });
  });

  it('refuses a single grant above the cap, a zero amount, an unknown startup (404), and a closed case', () => {
    expect(refusal({ ...grant, amount: 500_001 }, startedUp()).code).toBe('GRANT_OVER_CAP');
    expect(refusal({ ...grant, amount: 0 }, startedUp()).code).toBe('GRANT_AMOUNT_INVALID');
    expect(refusal(grant)).toBeInstanceOf(NotFound);
    expect(refusal({ ...grant, case: { ...openCase, closed: true } }, startedUp()).code).toBe('CASE_CLOSED');
  });

  it('refuses a payment before the business started (DATES_OUT_OF_ORDER), in the future, or for a grant year other than the payment’s or the one before', () => {
    expect(refusal({ ...grant, paidOn: '2026-01-31' }, startedUp()).code).toBe('DATES_OUT_OF_ORDER');
    expect(refusal({ ...grant, paidOn: '2026-03-21' }, startedUp()).code).toBe('DATE_IN_FUTURE');
    expect(refusal({ ...grant, grantYear: 2024 }, startedUp()).code).toBe('GRANT_YEAR_MISMATCH');
    expect(refusal({ ...grant, grantYear: 2027 }, startedUp()).code).toBe('GRANT_YEAR_MISMATCH');
  });
});
