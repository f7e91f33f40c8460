import { NotFound } from '@saeil/core';
import { CaseState, initialCaseState } from '@saeil/intake/domain';
import { requireFollowUpAllowed } from './follow-up-case-rule';

const clientId = '0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11';
const herCase = (change: Partial<CaseState> = {}): CaseState => ({
  ...initialCaseState(),
  exists: true,
  clientId,
  centerId: 'center-jinju',
  counselorId: 'counselor-kim',
  consents: ['service'],
  ...change,
});

function refusal(state: CaseState): { code?: string } & Error {
  try {
    requireFollowUpAllowed(state, clientId);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('follow-up case rule', () => {
  it('allows a follow-up on an open case with the service consent', () => {
    expect(() => requireFollowUpAllowed(herCase(), clientId)).not.toThrow();
  });

  it('allows a follow-up on a closed case: closing after a job does not cancel the follow-ups owed for it', () => {
    expect(() => requireFollowUpAllowed(herCase({ closed: true }), clientId)).not.toThrow();
  });

  it('refuses without the service consent (CONSENT_REQUIRED), even with the others', () => {
    expect(refusal(herCase({ consents: ['employer_sharing'] })).code).toBe('CONSENT_REQUIRED');
  });

  it('answers 404 for an unknown client', () => {
    expect(refusal(initialCaseState())).toBeInstanceOf(NotFound);
  });
});
