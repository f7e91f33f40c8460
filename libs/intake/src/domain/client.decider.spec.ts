import { assertMatchesContract } from '@saeil/contracts/validate';
import type { IntakeEvent } from '@saeil/contracts';
import { RuleViolation } from '@saeil/core';
import { deciderSpec } from '../../../../tests/support/decider-spec';
import { ClientCommand, clientDecider, RegisterClient } from './client.decider';
import { requireOpenCase } from './case-state';

const clientId = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';
const otherClientId = '5d1c2b7a-9e8f-4a3b-8c2d-1e0f9a8b7c6d';
const today = '2026-11-22';

const register: RegisterClient = {
  type: 'RegisterClient',
  clientId,
  centerId: 'center-naju',
  counselorId: 'counselor-kim',
  name: ' 김  영희 ',
  birthDate: '1988-03-14',
  phone: '010-1234-5678',
  region: '전라남도',
  identityKeys: ['key-birth-phone', 'key-name-birth-center'],
  today,
};

const registered: IntakeEvent = {
  type: 'ClientRegistered',
  data: {
    clientId,
    centerId: 'center-naju',
    counselorId: 'counselor-kim',
    name: '김 영희',
    birthDate: '1988-03-14',
    phone: '010-1234-5678',
    region: '전라남도',
    careerBreakReason: 'childcare',
    certifications: ['전산회계 2급'],
    identityKeys: ['key-birth-phone', 'key-name-birth-center'],
  },
};
const serviceConsent: IntakeEvent = { type: 'ConsentGiven', data: { clientId, purpose: 'service', version: '2026-01', givenOn: '2026-11-02' } };
const closed: IntakeEvent = { type: 'CaseClosed', data: { clientId, reason: '취업 후 종결', closedOn: '2026-11-20' } };

/** when() checks every event against its published contract. */
const spec = deciderSpec(clientDecider, { checkEvent: assertMatchesContract });
const { given, when } = spec;
/** The refusal's code, with its details when a rule was violated. */
function refusal(command: ClientCommand, history: IntakeEvent[]): { code: string; details?: Record<string, unknown> } {
  const error = spec.refusal(command, history);
  return error instanceof RuleViolation ? { code: error.code, details: error.details } : { code: error.code };
}

describe('registering a client', () => {
  it('a late registration keeps its real date out of the payload (it dates the event) and may not be in the future', () => {
    const [event] = clientDecider.decide({ ...register, registeredOn: '2026-02-02' }, given());
    expect(event.data).not.toHaveProperty('registeredOn');
    assertMatchesContract(event);
    expect(() => clientDecider.decide({ ...register, registeredOn: '2026-11-23', today: '2026-11-22' }, given())).toThrow(expect.objectContaining({ code: 'DATE_IN_FUTURE' }));
  });

  it('given no history, ClientRegistered carries her intake data, profile and identity keys (name trimmed, spaces collapsed)', () => {
    const profile = {
      education: 'university',
      careerBreakReason: 'pregnancy_childbirth',
      careerBreakYears: 6,
      lastOccupation: '회계사무원',
      experienceYears: 4.5,
      desiredOccupation: '세무회계사무원',
      desiredEmploymentType: 'part_time',
      desiredHoursPerWeek: 25,
      desiredMonthlyWage: 1_800_000,
      certifications: ['전산회계 2급', '컴퓨터활용능력 2급'],
      childcareNeeds: '초등학생 자녀 1명, 오후 3시 이후 돌봄 필요',
    } as const;
    expect(when({ ...register, ...profile, certifications: [...profile.certifications] }, [])).toEqual([
      {
        type: 'ClientRegistered',
        data: {
          clientId,
          centerId: 'center-naju',
          counselorId: 'counselor-kim',
          name: '김 영희',
          birthDate: '1988-03-14',
          phone: '010-1234-5678',
          region: '전라남도',
          identityKeys: ['key-birth-phone', 'key-name-birth-center'],
          ...profile,
        },
      },
    ]);
  });

  it('only the fields she gave are in the event (no undefined, no null)', () => {
    const [event] = when(register, []);
    expect(Object.keys(event.data).sort()).toEqual(['birthDate', 'centerId', 'clientId', 'counselorId', 'identityKeys', 'name', 'phone', 'region']);
  });

  it('a registration the counselor confirmed despite a duplicate records whom she acknowledged', () => {
    const [event] = when({ ...register, allowDuplicateOf: [otherClientId, otherClientId] }, []);
    expect(event.data).toMatchObject({ acknowledgedDuplicateOf: [otherClientId] });
  });

  it('given she is registered, registering again is CLIENT_ALREADY_REGISTERED', () => {
    expect(refusal(register, [registered]).code).toBe('CLIENT_ALREADY_REGISTERED');
  });

  it.each([
    ['2012-11-23', 13],
    ['1920-01-01', 106],
  ])('refuses a birth date %s (age %i) outside 15–100 with BIRTH_DATE_IMPLAUSIBLE', (birthDate, age) => {
    expect(refusal({ ...register, birthDate }, [])).toEqual({ code: 'BIRTH_DATE_IMPLAUSIBLE', details: { age } });
  });

  it('counts age in full years: the day before her 15th birthday is refused, the birthday itself accepted', () => {
    expect(() => clientDecider.decide({ ...register, birthDate: '2011-11-23' }, given())).toThrow(RuleViolation);
    expect(when({ ...register, birthDate: '2011-11-22' }, [])).toHaveLength(1);
  });
});

describe('consents', () => {
  const give = (purpose: 'service' | 'employer_sharing', version = '2026-01', givenOn = '2026-11-02'): ClientCommand => ({ type: 'GiveConsent', clientId, purpose, version, givenOn, today });
  const withdraw = (purpose: 'service' | 'employer_sharing', withdrawnOn = '2026-11-10'): ClientCommand => ({ type: 'WithdrawConsent', clientId, purpose, withdrawnOn, today });

  it('given she is registered, giving consent records purpose, form version and date', () => {
    expect(when(give('service'), [registered])).toEqual([{ type: 'ConsentGiven', data: { clientId, purpose: 'service', version: '2026-01', givenOn: '2026-11-02' } }]);
  });

  it('consent for an unknown client is a 404', () => {
    expect(refusal(give('service'), []).code).toBe('NOT_FOUND');
  });

  it('the same form version already in force is CONSENT_ALREADY_GIVEN; a new form version is recorded', () => {
    expect(refusal(give('service'), [registered, serviceConsent])).toEqual({ code: 'CONSENT_ALREADY_GIVEN', details: { purpose: 'service', version: '2026-01' } });
    expect(when(give('service', '2027-01', '2026-11-21'), [registered, serviceConsent])[0].data).toMatchObject({ version: '2027-01' });
  });

  it('a consent dated after today is DATE_IN_FUTURE; today itself is fine', () => {
    expect(refusal(give('service', '2026-01', '2026-11-23'), [registered])).toEqual({ code: 'DATE_IN_FUTURE', details: { field: 'givenOn', date: '2026-11-23', today } });
    expect(when(give('service', '2026-01', today), [registered])).toHaveLength(1);
  });

  it('withdrawal of an active consent is recorded, and from then on processing needs it again', () => {
    const events = when(withdraw('service'), [registered, serviceConsent]);
    expect(events).toEqual([{ type: 'ConsentWithdrawn', data: { clientId, purpose: 'service', withdrawnOn: '2026-11-10' } }]);
    expect(() => requireOpenCase(given(registered, serviceConsent, ...events), clientId)).toThrow(expect.objectContaining({ code: 'CONSENT_REQUIRED' }));
  });

  it('withdrawing a consent she never gave, or already withdrew, is CONSENT_NOT_GIVEN', () => {
    expect(refusal(withdraw('employer_sharing'), [registered, serviceConsent])).toEqual({ code: 'CONSENT_NOT_GIVEN', details: { purpose: 'employer_sharing' } });
    const withdrawn: IntakeEvent = { type: 'ConsentWithdrawn', data: { clientId, purpose: 'service', withdrawnOn: '2026-11-10' } };
    expect(refusal(withdraw('service'), [registered, serviceConsent, withdrawn]).code).toBe('CONSENT_NOT_GIVEN');
  });

  it('a withdrawal dated in the future is DATE_IN_FUTURE; a closed case still lets her withdraw', () => {
    expect(refusal(withdraw('service', '2026-12-01'), [registered, serviceConsent]).code).toBe('DATE_IN_FUTURE');
    expect(when(withdraw('service', '2026-11-21'), [registered, serviceConsent, closed])).toHaveLength(1);
  });

  it('consent is hers to give on a closed case too (no processing happens until it is reopened)', () => {
    expect(when(give('employer_sharing'), [registered, closed])).toHaveLength(1);
  });

  it('after a withdrawal she may consent again to the same form version', () => {
    const withdrawn: IntakeEvent = { type: 'ConsentWithdrawn', data: { clientId, purpose: 'service', withdrawnOn: '2026-11-10' } };
    expect(when(give('service', '2026-01', '2026-11-12'), [registered, serviceConsent, withdrawn])).toHaveLength(1);
  });
});

describe('updating her profile', () => {
  const update = (changes: Record<string, unknown>, identityKeys = ['new-birth-phone', 'new-name-birth-center']): ClientCommand => ({
    type: 'UpdateClientProfile',
    clientId,
    changes,
    identityKeys,
    today,
  });

  it('records only the fields that differ, without identity keys when name, birth date and phone stay', () => {
    const events = when(update({ desiredOccupation: '사무보조', careerBreakReason: 'childcare', certifications: ['전산회계 2급'], region: '전라남도' }), [registered, serviceConsent]);
    expect(events).toEqual([{ type: 'ClientProfileUpdated', data: { clientId, changes: { desiredOccupation: '사무보조' } } }]);
  });

  it('a changed phone carries her recomputed identity keys', () => {
    const [event] = when(update({ phone: '010-9999-8888' }), [registered, serviceConsent]);
    expect(event.data).toEqual({ clientId, changes: { phone: '010-9999-8888' }, identityKeys: ['new-birth-phone', 'new-name-birth-center'] });
  });

  it('a name differing only in spaces is no change: NOTHING_CHANGED', () => {
    expect(refusal(update({ name: '  김 영희' }), [registered, serviceConsent]).code).toBe('NOTHING_CHANGED');
  });

  it('nothing different from her record is NOTHING_CHANGED', () => {
    expect(refusal(update({ region: '전라남도', careerBreakReason: 'childcare' }), [registered, serviceConsent]).code).toBe('NOTHING_CHANGED');
    expect(refusal(update({}), [registered, serviceConsent]).code).toBe('NOTHING_CHANGED');
  });

  it('a later update compares with the record as updated', () => {
    const updated: IntakeEvent = { type: 'ClientProfileUpdated', data: { clientId, changes: { desiredOccupation: '사무보조', name: '김영희' }, identityKeys: ['k1', 'k2'] } };
    expect(refusal(update({ desiredOccupation: '사무보조', name: '김영희', region: '전라남도' }), [registered, serviceConsent, updated]).code).toBe('NOTHING_CHANGED');
    expect(given(registered, updated)).toMatchObject({ identity: { name: '김영희', phone: '010-1234-5678' }, identityKeys: ['k1', 'k2'], profile: { desiredOccupation: '사무보조', region: '전라남도' } });
  });

  it('without the service consent it is refused with CONSENT_REQUIRED', () => {
    expect(refusal(update({ desiredOccupation: '사무보조' }), [registered])).toEqual({ code: 'CONSENT_REQUIRED', details: { missing: ['service'] } });
  });

  it('a closed case is CASE_CLOSED; an unknown client 404', () => {
    expect(refusal(update({ desiredOccupation: '사무보조' }), [registered, serviceConsent, closed]).code).toBe('CASE_CLOSED');
    expect(refusal(update({ desiredOccupation: '사무보조' }), []).code).toBe('NOT_FOUND');
  });

  it('an implausible new birth date is BIRTH_DATE_IMPLAUSIBLE', () => {
    expect(refusal(update({ birthDate: '2015-01-01' }), [registered, serviceConsent])).toEqual({ code: 'BIRTH_DATE_IMPLAUSIBLE', details: { age: 11 } });
  });
});

describe('assigning or transferring her counselor', () => {
  const assign = (centerId: string, counselorId: string, reason?: string): ClientCommand => ({ type: 'AssignCounselor', clientId, centerId, counselorId, ...(reason ? { reason } : {}) });

  it('a transfer to another center records where from and where to, with the reason', () => {
    expect(when(assign('center-jinju', 'counselor-lee', '이사'), [registered])).toEqual([
      { type: 'CounselorAssigned', data: { clientId, fromCenterId: 'center-naju', fromCounselorId: 'counselor-kim', centerId: 'center-jinju', counselorId: 'counselor-lee', reason: '이사' } },
    ]);
  });

  it('another counselor at the same center, without a reason', () => {
    const [event] = when(assign('center-naju', 'counselor-park'), [registered]);
    expect(event.data).toEqual({ clientId, fromCenterId: 'center-naju', fromCounselorId: 'counselor-kim', centerId: 'center-naju', counselorId: 'counselor-park' });
  });

  it('the assignment she already has is SAME_ASSIGNMENT, also after a transfer', () => {
    expect(refusal(assign('center-naju', 'counselor-kim'), [registered]).code).toBe('SAME_ASSIGNMENT');
    const moved: IntakeEvent = { type: 'CounselorAssigned', data: { clientId, fromCenterId: 'center-naju', fromCounselorId: 'counselor-kim', centerId: 'center-jinju', counselorId: 'counselor-lee' } };
    expect(refusal(assign('center-jinju', 'counselor-lee'), [registered, moved]).code).toBe('SAME_ASSIGNMENT');
    expect(when(assign('center-naju', 'counselor-kim'), [registered, moved])[0].data).toMatchObject({ fromCenterId: 'center-jinju', centerId: 'center-naju' });
  });

  it('a closed case is CASE_CLOSED; an unknown client 404', () => {
    expect(refusal(assign('center-jinju', 'counselor-lee'), [registered, closed]).code).toBe('CASE_CLOSED');
    expect(refusal(assign('center-jinju', 'counselor-lee'), []).code).toBe('NOT_FOUND');
  });
});

describe('closing and reopening her case', () => {
  const close = (closedOn = '2026-11-20', reason = ' 취업 후 종결 '): ClientCommand => ({ type: 'CloseCase', clientId, reason, closedOn, today });
  const reopen = (reopenedOn = '2026-11-21'): ClientCommand => ({ type: 'ReopenCase', clientId, reason: '퇴사 후 재등록', reopenedOn, today });

  it('closing records the reason (trimmed) and date, and the case is then closed', () => {
    const events = when(close(), [registered]);
    expect(events).toEqual([{ type: 'CaseClosed', data: { clientId, reason: '취업 후 종결', closedOn: '2026-11-20' } }]);
    expect(given(registered, ...events).closed).toBe(true);
  });

  it('closing a closed case is CASE_ALREADY_CLOSED; closing in the future DATE_IN_FUTURE; unknown 404', () => {
    expect(refusal(close(), [registered, closed]).code).toBe('CASE_ALREADY_CLOSED');
    expect(refusal(close('2026-11-23'), [registered])).toMatchObject({ code: 'DATE_IN_FUTURE', details: { field: 'closedOn' } });
    expect(refusal(close(), []).code).toBe('NOT_FOUND');
  });

  it('reopening a closed case records the reason and date, and the case is open again', () => {
    const events = when(reopen(), [registered, closed]);
    expect(events).toEqual([{ type: 'CaseReopened', data: { clientId, reason: '퇴사 후 재등록', reopenedOn: '2026-11-21' } }]);
    expect(given(registered, closed, ...events).closed).toBe(false);
  });

  it('reopening an open case is CASE_NOT_CLOSED; in the future DATE_IN_FUTURE; unknown 404', () => {
    expect(refusal(reopen(), [registered]).code).toBe('CASE_NOT_CLOSED');
    expect(refusal(reopen('2026-12-25'), [registered, closed])).toMatchObject({ code: 'DATE_IN_FUTURE', details: { field: 'reopenedOn' } });
    expect(refusal(reopen(), []).code).toBe('NOT_FOUND');
  });
});

describe('the decider state is the case state other contexts fold', () => {
  it('carries exists, center, counselor, consents and closed exactly as evolveCase does', () => {
    const moved: IntakeEvent = { type: 'CounselorAssigned', data: { clientId, fromCenterId: 'center-naju', fromCounselorId: 'counselor-kim', centerId: 'center-jinju', counselorId: 'counselor-lee' } };
    expect(given(registered, serviceConsent, moved, closed)).toMatchObject({
      exists: true,
      clientId,
      centerId: 'center-jinju',
      counselorId: 'counselor-lee',
      registeredAtCenterId: 'center-naju',
      consents: ['service'],
      consentVersions: { service: '2026-01' },
      closed: true,
    });
  });
});
