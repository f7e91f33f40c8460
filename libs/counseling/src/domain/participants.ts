import { NotFound, RuleViolation } from '@saeil/core';
import { CaseState, requireOpenCase } from '@saeil/intake/domain';

/** A registered client named by a group or outreach record, with her case as read for the decision. */
export interface Participant {
  clientId: string;
  case: CaseState;
}

/**
 * The case rule for records that name several clients at once (group sessions, outreach
 * events): every one of them must be a registered client, with an open case and the `service`
 * consent. All offenders are named in one answer, so the counselor can fix the list in one go
 * (or count a person as a walk-in instead).
 */
export function requireParticipants(
  participants: Participant[],
  unknownCode: 'UNKNOWN_ATTENDEE' | 'UNKNOWN_CLIENT',
): void {
  const duplicates = [...new Set(participants.map((p) => p.clientId).filter((id, i, all) => all.indexOf(id) !== i))];
  if (duplicates.length > 0) {
    throw new RuleViolation('DUPLICATE_ATTENDEE', '같은 구직자가 두 번 입력되었습니다.', { clientIds: duplicates });
  }
  const refusals = { unknown: [] as string[], closed: [] as string[], noConsent: [] as string[] };
  for (const { clientId, case: state } of participants) {
    try {
      requireOpenCase(state, clientId, ['service']);
    } catch (error) {
      if (error instanceof NotFound) refusals.unknown.push(clientId);
      else if (error instanceof RuleViolation && error.code === 'CASE_CLOSED') refusals.closed.push(clientId);
      else if (error instanceof RuleViolation && error.code === 'CONSENT_REQUIRED') refusals.noConsent.push(clientId);
      else throw error;
    }
  }
  if (refusals.unknown.length > 0) {
    throw new RuleViolation(
      unknownCode,
      '등록되지 않은 구직자가 포함되어 있습니다. 미등록 참여자는 인원수로만 입력하세요.',
      { clientIds: refusals.unknown },
    );
  }
  if (refusals.closed.length > 0) {
    throw new RuleViolation('CASE_CLOSED', '종결된 사례의 구직자가 포함되어 있습니다. 사례를 재개한 뒤 기록하세요.', {
      clientIds: refusals.closed,
    });
  }
  if (refusals.noConsent.length > 0) {
    throw new RuleViolation('CONSENT_REQUIRED', '개인정보 수집·이용 동의가 없는 구직자가 포함되어 있습니다.', {
      missing: ['service'],
      clientIds: refusals.noConsent,
    });
  }
}
