import { NotFound, RuleViolation } from '@saeil/core';
import type { CaseState } from '@saeil/intake/domain';

/**
 * Whether a follow-up may be recorded about her, given her case:
 * - she exists (404 otherwise);
 * - she has the `service` consent: a follow-up is processing of her personal data (422
 *   CONSENT_REQUIRED when she withdrew it);
 * - a closed case is NOT a refusal, unlike every other case-level command: centers commonly close
 *   a case once she is employed, and the 1/2/3-month follow-ups are owed for that placement
 *   anyway — refusing them would leave her retention "unverified" for no reason, and reopening
 *   the case would put her back in the active caseload.
 */
export function requireFollowUpAllowed(
  state: CaseState,
  clientId: string,
): asserts state is CaseState & { exists: true; centerId: string } {
  if (!state.exists || !state.centerId) throw new NotFound('구직자', clientId);
  if (!state.consents.includes('service')) {
    throw new RuleViolation('CONSENT_REQUIRED', '개인정보 수집·이용 동의가 없어 사후관리를 기록할 수 없습니다.', {
      missing: ['service'],
    });
  }
}
