import { RuleViolation } from '@saeil/core';
import type { CaseState } from './case-state';

/**
 * A supervisor's bulk reassignment (a counselor leaves, goes on leave): every open case of one
 * counselor, or the ones she selects, each moved by its own AssignCounselor (one CounselorAssigned
 * per case). Pure rules: which cases may move, and to whom.
 */

/** Why one case was not moved, as the report names it. */
export type NotMovedReason = 'NOT_FOUND' | 'CLIENT_DATA_ERASED' | 'CASE_CLOSED' | 'NOT_HERS' | 'CHANGED_MEANWHILE';

export const NOT_MOVED_MESSAGES: Record<NotMovedReason, string> = {
  NOT_FOUND: '이 센터에서 이 구직자의 사례를 찾을 수 없습니다.',
  CLIENT_DATA_ERASED: '개인정보가 파기된 구직자입니다.',
  CASE_CLOSED: '종결된 사례입니다.',
  NOT_HERS: '이 상담사가 담당하는 사례가 아닙니다 (그 사이 다른 상담사에게 배정되었을 수 있습니다).',
  CHANGED_MEANWHILE: '재배정하는 동안 사례가 변경되었습니다. 다시 시도하세요.',
};

/**
 * Whether her case may be moved away from `from` (a counselor of `from.centerId`): it exists at
 * that center (another center's case answers as a missing one), is not erased, is open, and is
 * still that counselor's. Undefined when it may.
 */
export function reassignmentRefusal(
  state: CaseState,
  from: { centerId: string; counselorId: string },
): NotMovedReason | undefined {
  if (!state.exists || state.centerId !== from.centerId) return 'NOT_FOUND';
  if (state.erased) return 'CLIENT_DATA_ERASED';
  if (state.closed) return 'CASE_CLOSED';
  if (state.counselorId !== from.counselorId) return 'NOT_HERS';
  return undefined;
}

/** The counselors taking the cases: at least one, none twice, and not the one they are taken from. */
export function requireReassignmentTargets(fromCounselorId: string, toCounselorIds: readonly string[]): void {
  if (toCounselorIds.length === 0)
    throw new RuleViolation('NO_TARGET_COUNSELOR', '사례를 넘겨받을 상담사를 한 명 이상 지정하세요.');
  if (new Set(toCounselorIds).size !== toCounselorIds.length)
    throw new RuleViolation('DUPLICATE_TARGET_COUNSELOR', '넘겨받을 상담사가 두 번 지정되었습니다.');
  if (toCounselorIds.includes(fromCounselorId)) {
    throw new RuleViolation('REASSIGNMENT_TO_SAME_COUNSELOR', '사례를 원래 담당 상담사에게 다시 배정할 수 없습니다.', {
      counselorId: fromCounselorId,
    });
  }
}

/**
 * Balanced by caseload: the cases, in the order given, each go to the target who then carries the
 * fewest open cases (her caseload before plus the cases given her so far); a tie goes to the
 * target named first. Two targets with 10 and 4 open cases taking 8 cases end at 11 and 11.
 */
export function distributeCases(
  clientIds: readonly string[],
  targets: readonly { counselorId: string; openCases: number }[],
): { clientId: string; toCounselorId: string }[] {
  if (targets.length === 0) return [];
  const load = targets.map((t) => t.openCases);
  return clientIds.map((clientId) => {
    let least = 0;
    for (let i = 1; i < load.length; i++) if (load[i] < load[least]) least = i;
    load[least]++;
    return { clientId, toCounselorId: targets[least].counselorId };
  });
}
