import type { IntakeEvent } from '@saeil/contracts';
import { evolveCase, initialCaseState, requireDatedWithinCase, requireOpenCase } from './case-state';

const clientId = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';
const registered: IntakeEvent = {
  type: 'ClientRegistered',
  data: {
    clientId,
    centerId: 'center-naju',
    counselorId: 'counselor-kim',
    personal: 'pd1.6f1c1f0e-0c1a-4b7e-9a55-0d2f4c1b9e77.aXYtMTIzNDU2Nzg.Y2lwaGVydGV4dA.dGFndGFndGFndGFndGFnIQ',
    birthYear: 1988,
    region: '전라남도',
    identityKeys: [],
    searchKeys: [],
  },
};
const consent = (purpose: 'service' | 'employer_sharing'): IntakeEvent => ({
  type: 'ConsentGiven',
  data: { clientId, purpose, version: '2026-01', givenOn: '2026-11-01' },
});
const given = (...events: IntakeEvent[]) => events.reduce(evolveCase, initialCaseState());

describe('case state and the rule every case command starts with', () => {
  it('an unknown client is a 404', () => {
    expect(() => requireOpenCase(given(), clientId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('without the service consent, processing is refused with CONSENT_REQUIRED naming what is missing', () => {
    expect(() => requireOpenCase(given(registered), clientId)).toThrow(
      expect.objectContaining({ code: 'CONSENT_REQUIRED', details: { missing: ['service'] } }),
    );
  });

  it('with the consent it may proceed; after withdrawal it may not', () => {
    expect(() => requireOpenCase(given(registered, consent('service')), clientId)).not.toThrow();
    const withdrawn: IntakeEvent = {
      type: 'ConsentWithdrawn',
      data: { clientId, purpose: 'service', withdrawnOn: '2026-11-10' },
    };
    expect(() => requireOpenCase(given(registered, consent('service'), withdrawn), clientId)).toThrow(
      expect.objectContaining({ code: 'CONSENT_REQUIRED' }),
    );
  });

  it('sharing with an employer needs its own consent', () => {
    expect(() =>
      requireOpenCase(given(registered, consent('service')), clientId, ['service', 'employer_sharing']),
    ).toThrow(expect.objectContaining({ details: { missing: ['employer_sharing'] } }));
  });

  it('a closed case refuses with CASE_CLOSED until reopened', () => {
    const closed: IntakeEvent = {
      type: 'CaseClosed',
      data: { clientId, reason: '취업 후 종결', closedOn: '2026-11-20' },
    };
    const reopened: IntakeEvent = {
      type: 'CaseReopened',
      data: { clientId, reason: '퇴사 후 재등록', reopenedOn: '2026-11-21' },
    };
    expect(() => requireOpenCase(given(registered, consent('service'), closed), clientId)).toThrow(
      expect.objectContaining({ code: 'CASE_CLOSED' }),
    );
    expect(() => requireOpenCase(given(registered, consent('service'), closed, reopened), clientId)).not.toThrow();
  });

  it('after her personal data is erased, every new record is CLIENT_DATA_ERASED, whatever the consents (checked before CASE_CLOSED)', () => {
    const erased: IntakeEvent = {
      type: 'ClientDataErased',
      data: { clientId, reason: 'client_request', erasedOn: '2026-11-21' },
    };
    expect(given(registered, consent('service'), erased).erased).toEqual({
      reason: 'client_request',
      erasedOn: '2026-11-21',
    });
    expect(() => requireOpenCase(given(registered, consent('service'), erased), clientId)).toThrow(
      expect.objectContaining({ code: 'CLIENT_DATA_ERASED' }),
    );
    expect(() => requireOpenCase(given(registered, consent('service'), erased), clientId, [])).toThrow(
      expect.objectContaining({ code: 'CLIENT_DATA_ERASED' }),
    );
    const closed: IntakeEvent = { type: 'CaseClosed', data: { clientId, reason: '종결', closedOn: '2026-11-20' } };
    expect(() => requireOpenCase(given(registered, consent('service'), closed, erased), clientId)).toThrow(
      expect.objectContaining({ code: 'CLIENT_DATA_ERASED' }),
    );
  });

  it("her registration day is the Korean day of the registration's occurredAt (a late registration's day, or the moment recorded)", () => {
    expect(
      given({ ...registered, metadata: { occurredAt: '2026-02-02T00:00:00.000Z' } } as IntakeEvent).registeredOn,
    ).toBe('2026-02-02');
    // 23:30 UTC on 3 March is 08:30 on 4 March in Korea.
    expect(
      given({ ...registered, metadata: { occurredAt: '2026-03-03T23:30:00.000Z' } } as IntakeEvent).registeredOn,
    ).toBe('2026-03-04');
    expect(given(registered).registeredOn).toBeUndefined();
  });

  it('keeps the day each consent in force was given; a withdrawal forgets it, giving again dates it anew', () => {
    const withdrawn: IntakeEvent = {
      type: 'ConsentWithdrawn',
      data: { clientId, purpose: 'service', withdrawnOn: '2026-11-10' },
    };
    const again: IntakeEvent = {
      type: 'ConsentGiven',
      data: { clientId, purpose: 'service', version: '2026-01', givenOn: '2026-11-15' },
    };
    expect(given(registered, consent('service'), consent('employer_sharing')).consentsGivenOn).toEqual({
      service: '2026-11-01',
      employer_sharing: '2026-11-01',
    });
    expect(given(registered, consent('service'), withdrawn).consentsGivenOn).toEqual({});
    expect(given(registered, consent('service'), withdrawn, again).consentsGivenOn).toEqual({ service: '2026-11-15' });
  });

  it('requireDatedWithinCase: a day before her registration or before a consent it needs is refused, each with its code', () => {
    const state = given(
      { ...registered, metadata: { occurredAt: '2026-10-20T00:00:00.000Z' } } as IntakeEvent,
      consent('service'),
    );
    expect(() => requireDatedWithinCase(state, 'startOn', '2026-10-19')).toThrow(
      expect.objectContaining({ code: 'DATED_BEFORE_REGISTRATION' }),
    );
    expect(() => requireDatedWithinCase(state, 'startOn', '2026-10-31')).toThrow(
      expect.objectContaining({
        code: 'DATED_BEFORE_CONSENT',
        details: expect.objectContaining({ purpose: 'service' }),
      }),
    );
    expect(() => requireDatedWithinCase(state, 'startOn', '2026-11-01')).not.toThrow();
  });

  it('a transfer moves the case to the new center and counselor', () => {
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
    expect(given(registered, moved)).toMatchObject({ centerId: 'center-jinju', counselorId: 'counselor-lee' });
  });
});
