import { addDays } from '@saeil/core';
import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { IntakeEvent } from '@saeil/contracts';
import { RuleViolation } from '@saeil/core';
import { deciderSpec } from '../../../../tests/support/decider-spec';
import { ClientCommand, clientDecider, identityAfter, identityOf, RegisterClient } from './client.decider';
import { requireOpenCase } from './case-state';

const clientId = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';
const otherClientId = '5d1c2b7a-9e8f-4a3b-8c2d-1e0f9a8b7c6d';
const today = '2026-11-22';
/** Envelopes as the vault makes them (the decider never opens one: any pd1 string will do here). */
const sealedAs = (label: string) =>
  `pd1.6f1c1f0e-0c1a-4b7e-9a55-0d2f4c1b9e77.${label}.Y2lwaGVydGV4dA.dGFndGFndGFndGFndGFnIQ`;
const PERSONAL = sealedAs('aXYtMTIzNDU2Nzg');
const KEYS = sealedAs('a2V5cy1pdi0xMjM0');
const her = { name: '김 영희', birthDate: '1988-03-14', phone: '010-1234-5678' };

const register: RegisterClient = {
  type: 'RegisterClient',
  clientId,
  centerId: 'center-naju',
  counselorId: 'counselor-kim',
  name: ' 김  영희 ',
  birthDate: '1988-03-14',
  phone: '010-1234-5678',
  region: '전라남도',
  personal: PERSONAL,
  sealedKeys: KEYS,
  today,
};

const registered: IntakeEvent = {
  type: 'ClientRegistered',
  data: {
    clientId,
    centerId: 'center-naju',
    counselorId: 'counselor-kim',
    personal: PERSONAL,
    birthYear: 1988,
    region: '전라남도',
    careerBreakReason: 'childcare',
    certifications: ['전산회계 2급'],
    sealedKeys: KEYS,
  },
};
/** A version 1 registration as the upcaster lifts it: her identity in clear (development databases only). */
const registeredV1: IntakeEvent = {
  type: 'ClientRegistered',
  data: {
    clientId,
    centerId: 'center-naju',
    counselorId: 'counselor-kim',
    name: '김 영희',
    birthDate: '1988-03-14',
    phone: '010-1234-5678',
    birthYear: 1988,
    region: '전라남도',
    identityKeys: ['k1', 'k2'],
  },
};
const serviceConsent: IntakeEvent = {
  type: 'ConsentGiven',
  data: { clientId, purpose: 'service', version: '2026-01', givenOn: '2026-11-02' },
};
const closed: IntakeEvent = { type: 'CaseClosed', data: { clientId, reason: '취업 후 종결', closedOn: '2026-11-20' } };

/** Every event decided is checked against its published contract. */
const { given, when } = deciderSpec(clientDecider, { checkEvent: assertMatchesContract });

describe('registering a client', () => {
  it('a late registration keeps its real date out of the payload (it dates the event) and may not be in the future', () => {
    const [event] = when({ ...register, registeredOn: '2026-02-02' }).events();
    expect(event.data).not.toHaveProperty('registeredOn');
    assertMatchesContract(event);
    when({ ...register, registeredOn: '2026-11-23', today: '2026-11-22' }).thenRefuses('DATE_IN_FUTURE');
  });

  it('a late registration may not be dated before her birth', () => {
    when({ ...register, registeredOn: addDays(register.birthDate, -1) }).thenRefuses('DATES_OUT_OF_ORDER', {
      birthDate: register.birthDate,
      registeredOn: addDays(register.birthDate, -1),
    });
    when({ ...register, registeredOn: '1900-01-01' }).thenRefuses('DATES_OUT_OF_ORDER');
  });

  it('given no history, ClientRegistered carries her sealed identity, birth year, profile, identity and search keys — and never her name, birth date or phone', () => {
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
    when({ ...register, ...profile, certifications: [...profile.certifications] }).then([
      {
        type: 'ClientRegistered',
        data: {
          clientId,
          centerId: 'center-naju',
          counselorId: 'counselor-kim',
          personal: PERSONAL,
          birthYear: 1988,
          region: '전라남도',
          sealedKeys: KEYS,
          ...profile,
          certifications: [...profile.certifications],
        },
      },
    ]);
  });

  it('her name, birth date and phone appear nowhere in the event, in any form', () => {
    const [event] = when(register).events();
    const text = JSON.stringify(event);
    for (const value of ['김', '영희', '1988-03-14', '03-14', '010-1234-5678', '01012345678', '1234-5678'])
      expect(text).not.toContain(value);
  });

  it('an identity that does not come sealed is a programming error, not an event', () => {
    expect(() => when({ ...register, personal: '{"name":"김영희"}' }).events()).toThrow('sealed by the vault');
    // Nor may her keyed hashes travel in clear (after her erasure a guess could be matched against them).
    expect(() => when({ ...register, sealedKeys: '{"identityKeys":["a"],"searchKeys":["b"]}' }).events()).toThrow(
      'sealed by the vault',
    );
  });

  it('only the fields she gave are in the event (no undefined, no null)', () => {
    const [event] = when(register).events();
    expect(Object.keys(event.data).sort()).toEqual([
      'birthYear',
      'centerId',
      'clientId',
      'counselorId',
      'personal',
      'region',
      'sealedKeys',
    ]);
  });

  it('a registration the counselor confirmed despite a duplicate records whom she acknowledged', () => {
    const [event] = when({ ...register, allowDuplicateOf: [otherClientId, otherClientId] }).events();
    expect(event.data).toMatchObject({ acknowledgedDuplicateOf: [otherClientId] });
  });

  it('given she is registered, registering again is CLIENT_ALREADY_REGISTERED', () => {
    given(registered).when(register).thenRefuses('CLIENT_ALREADY_REGISTERED');
  });

  it.each([
    ['2012-11-23', 13],
    ['1920-01-01', 106],
  ])('refuses a birth date %s (age %i) outside 15–100 with BIRTH_DATE_IMPLAUSIBLE', (birthDate, age) => {
    when({ ...register, birthDate }).thenRefuses('BIRTH_DATE_IMPLAUSIBLE', { age });
  });

  it('counts age in full years: the day before her 15th birthday is refused, the birthday itself accepted', () => {
    expect(
      when({ ...register, birthDate: '2011-11-23' }).thenRefuses('BIRTH_DATE_IMPLAUSIBLE', { age: 14 }),
    ).toBeInstanceOf(RuleViolation);
    expect(when({ ...register, birthDate: '2011-11-22' }).events()).toHaveLength(1);
  });
});

describe('consents', () => {
  const give = (
    purpose: 'service' | 'employer_sharing',
    version = '2026-01',
    givenOn = '2026-11-02',
  ): ClientCommand => ({ type: 'GiveConsent', clientId, purpose, version, givenOn, today });
  const withdraw = (purpose: 'service' | 'employer_sharing', withdrawnOn = '2026-11-10'): ClientCommand => ({
    type: 'WithdrawConsent',
    clientId,
    purpose,
    withdrawnOn,
    today,
  });

  it('given she is registered, giving consent records purpose, form version and date', () => {
    given(registered)
      .when(give('service'))
      .then([
        { type: 'ConsentGiven', data: { clientId, purpose: 'service', version: '2026-01', givenOn: '2026-11-02' } },
      ]);
  });

  it('consent for an unknown client is a 404', () => {
    when(give('service')).thenRefuses('NOT_FOUND');
  });

  it('the same form version already in force is CONSENT_ALREADY_GIVEN; a new form version is recorded', () => {
    given(registered, serviceConsent)
      .when(give('service'))
      .thenRefuses('CONSENT_ALREADY_GIVEN', { purpose: 'service', version: '2026-01' });
    expect(
      given(registered, serviceConsent)
        .when(give('service', '2027-01', '2026-11-21'))
        .events()[0].data,
    ).toMatchObject({ version: '2027-01' });
  });

  it('a consent dated after today is DATE_IN_FUTURE; today itself is fine', () => {
    given(registered)
      .when(give('service', '2026-01', '2026-11-23'))
      .thenRefuses('DATE_IN_FUTURE', { field: 'givenOn', date: '2026-11-23', today });
    expect(
      given(registered)
        .when(give('service', '2026-01', today))
        .events(),
    ).toHaveLength(1);
  });

  it('withdrawal of an active consent is recorded, and from then on processing needs it again', () => {
    const events = given(registered, serviceConsent).when(withdraw('service')).events();
    expect(events).toEqual([
      { type: 'ConsentWithdrawn', data: { clientId, purpose: 'service', withdrawnOn: '2026-11-10' } },
    ]);
    expect(() => requireOpenCase(given(registered, serviceConsent, ...events).state(), clientId)).toThrow(
      expect.objectContaining({ code: 'CONSENT_REQUIRED' }),
    );
  });

  it('withdrawing a consent she never gave, or already withdrew, is CONSENT_NOT_GIVEN', () => {
    given(registered, serviceConsent)
      .when(withdraw('employer_sharing'))
      .thenRefuses('CONSENT_NOT_GIVEN', { purpose: 'employer_sharing' });
    const withdrawn: IntakeEvent = {
      type: 'ConsentWithdrawn',
      data: { clientId, purpose: 'service', withdrawnOn: '2026-11-10' },
    };
    given(registered, serviceConsent, withdrawn).when(withdraw('service')).thenRefuses('CONSENT_NOT_GIVEN');
  });

  it('a withdrawal dated in the future is DATE_IN_FUTURE; a closed case still lets her withdraw', () => {
    given(registered, serviceConsent).when(withdraw('service', '2026-12-01')).thenRefuses('DATE_IN_FUTURE');
    expect(given(registered, serviceConsent, closed).when(withdraw('service', '2026-11-21')).events()).toHaveLength(1);
  });

  it('consent is hers to give on a closed case too (no processing happens until it is reopened)', () => {
    expect(given(registered, closed).when(give('employer_sharing')).events()).toHaveLength(1);
  });

  it('after a withdrawal she may consent again to the same form version', () => {
    const withdrawn: IntakeEvent = {
      type: 'ConsentWithdrawn',
      data: { clientId, purpose: 'service', withdrawnOn: '2026-11-10' },
    };
    expect(
      given(registered, serviceConsent, withdrawn)
        .when(give('service', '2026-01', '2026-11-12'))
        .events(),
    ).toHaveLength(1);
  });
});

describe('updating her profile', () => {
  const NEW_PERSONAL = sealedAs('bmV3LWl2LTEyMzQ1');
  const sealedIdentity = { personal: NEW_PERSONAL, sealedKeys: sealedAs('bmV3LWtleXMtaXY') };
  const update = (changes: Record<string, unknown>, currentIdentity = her): ClientCommand => ({
    type: 'UpdateClientProfile',
    clientId,
    changes,
    currentIdentity,
    sealedIdentity,
    today,
  });

  it('records only the fields that differ, without envelope or keys when name, birth date and phone stay', () => {
    const events = given(registered, serviceConsent)
      .when(
        update({
          desiredOccupation: '사무보조',
          careerBreakReason: 'childcare',
          certifications: ['전산회계 2급'],
          region: '전라남도',
        }),
      )
      .events();
    expect(events).toEqual([
      { type: 'ClientProfileUpdated', data: { clientId, changes: { desiredOccupation: '사무보조' } } },
    ]);
  });

  it('a changed phone is not in the changes: the event carries her whole identity sealed anew, with her recomputed keys', () => {
    const [event] = given(registered, serviceConsent)
      .when(update({ phone: '010-9999-8888', desiredOccupation: '사무보조' }))
      .events();
    expect(event.data).toEqual({
      clientId,
      changes: { desiredOccupation: '사무보조' },
      personal: NEW_PERSONAL,
      sealedKeys: sealedIdentity.sealedKeys,
    });
    expect(JSON.stringify(event)).not.toContain('9999');
  });

  it('a new birth date in another year carries the new birth year; in the same year it does not', () => {
    expect(
      given(registered, serviceConsent)
        .when(update({ birthDate: '1987-12-01' }))
        .events()[0].data,
    ).toEqual({ clientId, changes: {}, birthYear: 1987, ...sealedIdentity });
    expect(
      given(registered, serviceConsent)
        .when(update({ birthDate: '1988-12-01' }))
        .events()[0].data,
    ).not.toHaveProperty('birthYear');
  });

  it('an identity change the handler did not seal is a programming error, never a clear field in an event', () => {
    const unsealed = {
      ...(update({ phone: '010-9999-8888' }) as Extract<ClientCommand, { type: 'UpdateClientProfile' }>),
      sealedIdentity: undefined,
    };
    expect(() => given(registered, serviceConsent).when(unsealed).events()).toThrow('sealed by the vault');
  });

  it('compares with her identity as the handler opened it: a name differing only in spaces is no change (NOTHING_CHANGED)', () => {
    given(registered, serviceConsent)
      .when(update({ name: '  김 영희' }))
      .thenRefuses('NOTHING_CHANGED');
    given(registered, serviceConsent)
      .when(update({ phone: '010-9999-8888' }, { ...her, phone: '010-9999-8888' }))
      .thenRefuses('NOTHING_CHANGED');
  });

  it('nothing different from her record is NOTHING_CHANGED', () => {
    given(registered, serviceConsent)
      .when(update({ region: '전라남도', careerBreakReason: 'childcare' }))
      .thenRefuses('NOTHING_CHANGED');
    given(registered, serviceConsent).when(update({})).thenRefuses('NOTHING_CHANGED');
  });

  it('the state keeps her latest envelope (always her whole identity), birth year and keys', () => {
    const updated: IntakeEvent = {
      type: 'ClientProfileUpdated',
      data: {
        clientId,
        changes: { desiredOccupation: '사무보조' },
        personal: NEW_PERSONAL,
        birthYear: 1987,
        sealedKeys: KEYS,
      },
    };
    expect(given(registered, updated).state()).toMatchObject({
      personal: NEW_PERSONAL,
      birthYear: 1987,
      profile: { desiredOccupation: '사무보조', region: '전라남도' },
    });
    expect(given(registered, updated).state().legacyIdentity).toBeUndefined();
  });

  it('version 1 events (identity in clear, development databases) are still read: the state holds that identity until a version 2 event seals it', () => {
    const updatedV1: IntakeEvent = {
      type: 'ClientProfileUpdated',
      data: { clientId, changes: { phone: '010-2222-3333' }, identityKeys: ['k3', 'k4'] },
    };
    expect(given(registeredV1, updatedV1).state()).toMatchObject({
      legacyIdentity: { name: '김 영희', birthDate: '1988-03-14', phone: '010-2222-3333' },
      birthYear: 1988,
    });
    expect(given(registeredV1).state().personal).toBeUndefined();
    const sealedNow: IntakeEvent = {
      type: 'ClientProfileUpdated',
      data: { clientId, changes: {}, personal: NEW_PERSONAL, identityKeys: ['k5', 'k6'], searchKeys: ['s5', 's6'] },
    }; // a version 2 event: keys in clear
    expect(given(registeredV1, updatedV1, sealedNow).state()).toMatchObject({
      personal: NEW_PERSONAL,
      legacyIdentity: undefined,
    });
  });

  it('without the service consent it is refused with CONSENT_REQUIRED', () => {
    given(registered)
      .when(update({ desiredOccupation: '사무보조' }))
      .thenRefuses('CONSENT_REQUIRED', { missing: ['service'] });
  });

  it('a closed case is CASE_CLOSED; an unknown client 404', () => {
    given(registered, serviceConsent, closed)
      .when(update({ desiredOccupation: '사무보조' }))
      .thenRefuses('CASE_CLOSED');
    when(update({ desiredOccupation: '사무보조' })).thenRefuses('NOT_FOUND');
  });

  it('an implausible new birth date is BIRTH_DATE_IMPLAUSIBLE', () => {
    given(registered, serviceConsent)
      .when(update({ birthDate: '2015-01-01' }))
      .thenRefuses('BIRTH_DATE_IMPLAUSIBLE', { age: 11 });
  });
});

describe('helpers the handlers build the sealed identity with', () => {
  it('identityOf normalises her name; identityAfter applies changes to the opened identity', () => {
    expect(identityOf({ name: ' 김  영희 ', birthDate: '1988-03-14', phone: '010-1234-5678' })).toEqual(her);
    expect(identityAfter(her, { phone: '010-0000-1111', desiredOccupation: 'x' })).toEqual({
      ...her,
      phone: '010-0000-1111',
    });
    expect(identityAfter(her, { name: ' 박  지현' })).toEqual({ ...her, name: '박 지현' });
  });
});

describe('erasing her personal data', () => {
  const erase = (
    reason: 'client_request' | 'retention_period_ended' = 'client_request',
    on = today,
    note?: string,
  ): ClientCommand => ({
    type: 'EraseClientData',
    clientId,
    reason,
    today: on,
    retentionDays: 1095,
    ...(note !== undefined ? { note } : {}),
  });
  const erased: IntakeEvent = {
    type: 'ClientDataErased',
    data: { clientId, reason: 'client_request', erasedOn: today },
  };
  const closedLongAgo: IntakeEvent = {
    type: 'CaseClosed',
    data: { clientId, reason: '취업 후 종결', closedOn: '2023-11-20' },
  };

  it('given she is registered, ClientDataErased records why and when (the note trimmed, a blank one left out)', () => {
    given(registered, serviceConsent)
      .when(erase('client_request', today, ' 본인 전화 요청 '))
      .then([
        {
          type: 'ClientDataErased',
          data: { clientId, reason: 'client_request', erasedOn: today, note: '본인 전화 요청' },
        },
      ]);
    expect(
      given(registered)
        .when(erase('client_request', today, '  '))
        .events()[0].data,
    ).not.toHaveProperty('note');
  });

  it('is allowed on a closed case and without consent; an unknown client is 404', () => {
    expect(given(registered, closed).when(erase()).events()).toHaveLength(1);
    when(erase()).thenRefuses('NOT_FOUND');
  });

  it('erasing her again is CLIENT_DATA_ERASED here (the handler answers a repeat with the first erasure before deciding)', () => {
    given(registered, erased).when(erase()).thenRefuses('CLIENT_DATA_ERASED');
  });

  it('retention_period_ended only once her case has been closed longer than the retention period', () => {
    // Closed 2023-11-20, kept 1095 days: through 2026-11-19; erased from 2026-11-20.
    given(registered, closedLongAgo)
      .when(erase('retention_period_ended', '2026-11-19'))
      .thenRefuses('RETENTION_PERIOD_NOT_ENDED', { closedOn: '2023-11-20', retentionEndsOn: '2026-11-19' });
    expect(
      given(registered, closedLongAgo).when(erase('retention_period_ended', '2026-11-20')).events()[0].data,
    ).toMatchObject({ reason: 'retention_period_ended', erasedOn: '2026-11-20' });
    given(registered)
      .when(erase('retention_period_ended'))
      .thenRefuses('RETENTION_PERIOD_NOT_ENDED', { closedOn: null, retentionEndsOn: null });
    const reopened: IntakeEvent = {
      type: 'CaseReopened',
      data: { clientId, reason: '재등록', reopenedOn: '2024-01-10' },
    };
    given(registered, closedLongAgo, reopened)
      .when(erase('retention_period_ended'))
      .thenRefuses('RETENTION_PERIOD_NOT_ENDED');
  });

  it.each<[string, ClientCommand]>([
    ['GiveConsent', { type: 'GiveConsent', clientId, purpose: 'service', version: '2027-01', givenOn: today, today }],
    ['WithdrawConsent', { type: 'WithdrawConsent', clientId, purpose: 'service', withdrawnOn: today, today }],
    [
      'UpdateClientProfile',
      {
        type: 'UpdateClientProfile',
        clientId,
        changes: { desiredOccupation: '사무보조' },
        currentIdentity: her,
        today,
      },
    ],
    ['AssignCounselor', { type: 'AssignCounselor', clientId, centerId: 'center-jinju', counselorId: 'counselor-lee' }],
    ['CloseCase', { type: 'CloseCase', clientId, reason: '종결', closedOn: today, today }],
    ['ReopenCase', { type: 'ReopenCase', clientId, reason: '재개', reopenedOn: today, today }],
  ])('after the erasure, %s is refused with CLIENT_DATA_ERASED', (_type, command) => {
    const history =
      command.type === 'ReopenCase'
        ? [registered, serviceConsent, closed, erased]
        : [registered, serviceConsent, erased];
    given(...history)
      .when(command)
      .thenRefuses('CLIENT_DATA_ERASED');
  });

  it('the state forgets her identity keys and any clear identity a version 1 event left', () => {
    expect(given(registeredV1, erased).state()).toMatchObject({
      erased: { reason: 'client_request', erasedOn: today },
      legacyIdentity: undefined,
    });
  });
});

describe('assigning or transferring her counselor', () => {
  const assign = (centerId: string, counselorId: string, reason?: string): ClientCommand => ({
    type: 'AssignCounselor',
    clientId,
    centerId,
    counselorId,
    ...(reason ? { reason } : {}),
  });

  it('a transfer to another center records where from and where to, with the reason', () => {
    given(registered)
      .when(assign('center-jinju', 'counselor-lee', '이사'))
      .then([
        {
          type: 'CounselorAssigned',
          data: {
            clientId,
            fromCenterId: 'center-naju',
            fromCounselorId: 'counselor-kim',
            centerId: 'center-jinju',
            counselorId: 'counselor-lee',
            reason: '이사',
          },
        },
      ]);
  });

  it('another counselor at the same center, without a reason', () => {
    const [event] = given(registered).when(assign('center-naju', 'counselor-park')).events();
    expect(event.data).toEqual({
      clientId,
      fromCenterId: 'center-naju',
      fromCounselorId: 'counselor-kim',
      centerId: 'center-naju',
      counselorId: 'counselor-park',
    });
  });

  it('the assignment she already has is SAME_ASSIGNMENT, also after a transfer', () => {
    given(registered).when(assign('center-naju', 'counselor-kim')).thenRefuses('SAME_ASSIGNMENT');
    const moved: IntakeEvent = {
      type: 'CounselorAssigned',
      data: {
        clientId,
        fromCenterId: 'center-naju',
        fromCounselorId: 'counselor-kim',
        centerId: 'center-jinju',
        counselorId: 'counselor-lee',
      },
    };
    given(registered, moved).when(assign('center-jinju', 'counselor-lee')).thenRefuses('SAME_ASSIGNMENT');
    expect(given(registered, moved).when(assign('center-naju', 'counselor-kim')).events()[0].data).toMatchObject({
      fromCenterId: 'center-jinju',
      centerId: 'center-naju',
    });
  });

  it('a closed case is CASE_CLOSED; an unknown client 404', () => {
    given(registered, closed).when(assign('center-jinju', 'counselor-lee')).thenRefuses('CASE_CLOSED');
    when(assign('center-jinju', 'counselor-lee')).thenRefuses('NOT_FOUND');
  });
});

describe('closing and reopening her case', () => {
  const close = (closedOn = '2026-11-20', reason = ' 취업 후 종결 '): ClientCommand => ({
    type: 'CloseCase',
    clientId,
    reason,
    closedOn,
    today,
  });
  const reopen = (reopenedOn = '2026-11-21'): ClientCommand => ({
    type: 'ReopenCase',
    clientId,
    reason: '퇴사 후 재등록',
    reopenedOn,
    today,
  });

  it('closing records the reason (trimmed) and date, and the case is then closed', () => {
    const events = given(registered).when(close()).events();
    expect(events).toEqual([
      { type: 'CaseClosed', data: { clientId, reason: '취업 후 종결', closedOn: '2026-11-20' } },
    ]);
    expect(given(registered, ...events).state().closed).toBe(true);
  });

  it('closing a closed case is CASE_ALREADY_CLOSED; closing in the future DATE_IN_FUTURE; unknown 404', () => {
    given(registered, closed).when(close()).thenRefuses('CASE_ALREADY_CLOSED');
    given(registered)
      .when(close('2026-11-23'))
      .thenRefuses('DATE_IN_FUTURE', expect.objectContaining({ field: 'closedOn' }));
    when(close()).thenRefuses('NOT_FOUND');
  });

  it('reopening a closed case records the reason and date, and the case is open again', () => {
    const events = given(registered, closed).when(reopen()).events();
    expect(events).toEqual([
      { type: 'CaseReopened', data: { clientId, reason: '퇴사 후 재등록', reopenedOn: '2026-11-21' } },
    ]);
    expect(given(registered, closed, ...events).state().closed).toBe(false);
  });

  it('reopening an open case is CASE_NOT_CLOSED; in the future DATE_IN_FUTURE; unknown 404', () => {
    given(registered).when(reopen()).thenRefuses('CASE_NOT_CLOSED');
    given(registered, closed)
      .when(reopen('2026-12-25'))
      .thenRefuses('DATE_IN_FUTURE', expect.objectContaining({ field: 'reopenedOn' }));
    when(reopen()).thenRefuses('NOT_FOUND');
  });
});

describe('the decider state is the case state other contexts fold', () => {
  it('carries exists, center, counselor, consents and closed exactly as evolveCase does', () => {
    const moved: IntakeEvent = {
      type: 'CounselorAssigned',
      data: {
        clientId,
        fromCenterId: 'center-naju',
        fromCounselorId: 'counselor-kim',
        centerId: 'center-jinju',
        counselorId: 'counselor-lee',
      },
    };
    expect(given(registered, serviceConsent, moved, closed).state()).toMatchObject({
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
