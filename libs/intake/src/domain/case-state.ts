import { NotFound, RuleViolation } from '@saeil/core';
import type { ClientErasureReason, ConsentPurpose, IntakeEvent } from '@saeil/contracts';

/**
 * What every context needs to know about a client's case before acting on it, folded from the
 * client stream. Pure: no Nest, no database.
 */
export interface CaseState {
  exists: boolean;
  clientId?: string;
  centerId?: string;
  counselorId?: string;
  closed: boolean;
  consents: ConsentPurpose[];
  /** Her personal data was erased (ClientDataErased): nothing new may be recorded about her. */
  erased?: { reason: ClientErasureReason; erasedOn: string };
}

export const initialCaseState = (): CaseState => ({ exists: false, closed: false, consents: [] });

export function evolveCase(state: CaseState, event: IntakeEvent): CaseState {
  switch (event.type) {
    case 'ClientRegistered':
      return { ...state, exists: true, clientId: event.data.clientId, centerId: event.data.centerId, counselorId: event.data.counselorId };
    case 'CounselorAssigned':
      return { ...state, centerId: event.data.centerId, counselorId: event.data.counselorId };
    case 'ConsentGiven':
      return { ...state, consents: [...state.consents.filter((p) => p !== event.data.purpose), event.data.purpose] };
    case 'ConsentWithdrawn':
      return { ...state, consents: state.consents.filter((p) => p !== event.data.purpose) };
    case 'CaseClosed':
      return { ...state, closed: true };
    case 'CaseReopened':
      return { ...state, closed: false };
    case 'ClientDataErased':
      return { ...state, erased: { reason: event.data.reason, erasedOn: event.data.erasedOn } };
    default:
      return state;
  }
}

const CONSENT_NAMES: Record<ConsentPurpose, string> = {
  service: '개인정보 수집·이용 동의',
  employer_sharing: '개인정보 제3자 제공(채용기업) 동의',
  marketing: '마케팅 정보 수신 동의',
};

/** A command about a client whose personal data was erased: refused (422), whatever it is. */
export class ClientDataErasedRule extends RuleViolation {
  constructor() {
    super('CLIENT_DATA_ERASED', '개인정보가 파기된 구직자입니다. 새 기록을 남길 수 없습니다 (다시 지원하려면 새로 등록하세요).');
  }
}

/** Refuses any new record about a client whose personal data was erased (CLIENT_DATA_ERASED, 422). */
export function requireNotErased(state: CaseState): void {
  if (state.erased) throw new ClientDataErasedRule();
}

/**
 * The rule every case-level command starts with: the client exists (404 otherwise), her personal
 * data has not been erased (422 CLIENT_DATA_ERASED), her case is open (422 CASE_CLOSED), and she
 * has given the consents this processing needs (422 CONSENT_REQUIRED).
 */
export function requireOpenCase(state: CaseState, clientId: string, needs: ConsentPurpose[] = ['service']): asserts state is CaseState & { exists: true; clientId: string; centerId: string; counselorId: string } {
  if (!state.exists) throw new NotFound('구직자', clientId);
  requireNotErased(state);
  if (state.closed) throw new RuleViolation('CASE_CLOSED', '종결된 사례입니다. 사례를 재개한 뒤 기록하세요.');
  const missing = needs.filter((p) => !state.consents.includes(p));
  if (missing.length > 0) {
    throw new RuleViolation('CONSENT_REQUIRED', `${missing.map((p) => CONSENT_NAMES[p]).join(', ')}가 없어 처리할 수 없습니다.`, { missing });
  }
}
