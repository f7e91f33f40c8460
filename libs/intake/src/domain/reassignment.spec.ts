import { RuleViolation } from '@saeil/core';
import { CaseState, initialCaseState } from './case-state';
import { distributeCases, reassignmentRefusal, requireReassignmentTargets } from './reassignment';

const from = { centerId: 'center-naju', counselorId: 'kim' };
const hers = (changes: Partial<CaseState> = {}): CaseState => ({
  ...initialCaseState(),
  exists: true,
  clientId: 'c1',
  centerId: 'center-naju',
  counselorId: 'kim',
  ...changes,
});
const codeOf = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as RuleViolation).code;
  }
  return undefined;
};

describe('bulk reassignment: which case moves', () => {
  it('moves an open case of hers at her center', () => {
    expect(reassignmentRefusal(hers(), from)).toBeUndefined();
  });

  it('answers a missing case and another center’s case alike (NOT_FOUND)', () => {
    expect(reassignmentRefusal(initialCaseState(), from)).toBe('NOT_FOUND');
    expect(reassignmentRefusal(hers({ centerId: 'center-jinju' }), from)).toBe('NOT_FOUND');
  });

  it('leaves a closed case, an erased woman and another counselor’s case where they are, each with its reason', () => {
    expect(reassignmentRefusal(hers({ closed: true }), from)).toBe('CASE_CLOSED');
    expect(
      reassignmentRefusal(hers({ closed: true, erased: { reason: 'client_request', erasedOn: '2026-11-01' } }), from),
    ).toBe('CLIENT_DATA_ERASED');
    expect(reassignmentRefusal(hers({ counselorId: 'lee' }), from)).toBe('NOT_HERS');
  });
});

describe('bulk reassignment: to whom', () => {
  it('refuses no target, a target named twice, and the counselor the cases come from', () => {
    expect(codeOf(() => requireReassignmentTargets('kim', []))).toBe('NO_TARGET_COUNSELOR');
    expect(codeOf(() => requireReassignmentTargets('kim', ['lee', 'lee']))).toBe('DUPLICATE_TARGET_COUNSELOR');
    expect(codeOf(() => requireReassignmentTargets('kim', ['lee', 'kim']))).toBe('REASSIGNMENT_TO_SAME_COUNSELOR');
    expect(codeOf(() => requireReassignmentTargets('kim', ['lee', 'park']))).toBeUndefined();
  });

  it('gives each case to the target carrying the fewest open cases then, ties to the one named first', () => {
    const cases = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
    const plan = distributeCases(cases, [
      { counselorId: 'lee', openCases: 10 },
      { counselorId: 'park', openCases: 4 },
    ]);
    expect(plan.map((p) => p.clientId)).toEqual(cases);
    // park first takes 6 (4 → 10), then they alternate from the tie, lee first
    expect(plan.map((p) => p.toCounselorId)).toEqual(['park', 'park', 'park', 'park', 'park', 'park', 'lee', 'park']);
    const count = (who: string) => plan.filter((p) => p.toCounselorId === who).length;
    expect([10 + count('lee'), 4 + count('park')]).toEqual([11, 11]);
  });

  it('with equal caseloads is round-robin in the order the targets are named', () => {
    const plan = distributeCases(
      ['c1', 'c2', 'c3', 'c4', 'c5'],
      [
        { counselorId: 'lee', openCases: 0 },
        { counselorId: 'park', openCases: 0 },
        { counselorId: 'choi', openCases: 0 },
      ],
    );
    expect(plan.map((p) => p.toCounselorId)).toEqual(['lee', 'park', 'choi', 'lee', 'park']);
  });
});
