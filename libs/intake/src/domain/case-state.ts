import { NotFound, RuleViolation, todayInKorea } from '@saeil/core';
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
  /**
   * The Korean calendar day she was registered (her ClientRegistered's occurredAt: `registeredOn`
   * when recorded late, else the moment it was recorded). Undefined only when folded from events
   * without their metadata; `loadCase` always has it.
   */
  registeredOn?: string;
  closed: boolean;
  consents: ConsentPurpose[];
  /** The day each consent in force was given (its latest ConsentGiven). */
  consentsGivenOn?: Partial<Record<ConsentPurpose, string>>;
  /** Her personal data was erased (ClientDataErased): nothing new may be recorded about her. */
  erased?: { reason: ClientErasureReason; erasedOn: string };
}

export const initialCaseState = (): CaseState => ({ exists: false, closed: false, consents: [] });

/** An intake event as the store gives it: with its metadata, whose occurredAt dates her registration. */
export type CaseEvent = IntakeEvent & { metadata?: { occurredAt?: string } };

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'ClientRegistered': {
      const occurredAt = event.metadata?.occurredAt;
      // occurredAt of a day-dated command is that day at 00:00Z, which is the same day in Korea.
      const registeredOn = occurredAt ? todayInKorea(new Date(occurredAt)) : undefined;
      return {
        ...state,
        exists: true,
        clientId: event.data.clientId,
        centerId: event.data.centerId,
        counselorId: event.data.counselorId,
        ...(registeredOn ? { registeredOn } : {}),
      };
    }
    case 'CounselorAssigned':
      return { ...state, centerId: event.data.centerId, counselorId: event.data.counselorId };
    case 'ConsentGiven':
      return {
        ...state,
        consents: [...state.consents.filter((p) => p !== event.data.purpose), event.data.purpose],
        consentsGivenOn: { ...state.consentsGivenOn, [event.data.purpose]: event.data.givenOn },
      };
    case 'ConsentWithdrawn': {
      const { [event.data.purpose]: _withdrawn, ...inForce } = state.consentsGivenOn ?? {};
      return { ...state, consents: state.consents.filter((p) => p !== event.data.purpose), consentsGivenOn: inForce };
    }
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
    super(
      'CLIENT_DATA_ERASED',
      '개인정보가 파기된 구직자입니다. 새 기록을 남길 수 없습니다 (다시 지원하려면 새로 등록하세요).',
    );
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
export function requireOpenCase(
  state: CaseState,
  clientId: string,
  needs: ConsentPurpose[] = ['service'],
): asserts state is CaseState & { exists: true; clientId: string; centerId: string; counselorId: string } {
  if (!state.exists) throw new NotFound('구직자', clientId);
  requireNotErased(state);
  if (state.closed) throw new RuleViolation('CASE_CLOSED', '종결된 사례입니다. 사례를 재개한 뒤 기록하세요.');
  const missing = needs.filter((p) => !state.consents.includes(p));
  if (missing.length > 0) {
    throw new RuleViolation(
      'CONSENT_REQUIRED',
      `${missing.map((p) => CONSENT_NAMES[p]).join(', ')}가 없어 처리할 수 없습니다.`,
      { missing },
    );
  }
}

/**
 * Something that happened to her, dated `day` (a job's start), cannot predate her registration
 * (422 DATED_BEFORE_REGISTRATION) nor the consents it needs (422 DATED_BEFORE_CONSENT): the
 * record would say the center processed her data before it had her, or before she agreed.
 */
export function requireDatedWithinCase(
  state: CaseState,
  field: string,
  day: string,
  needs: ConsentPurpose[] = ['service'],
): void {
  if (state.registeredOn && day < state.registeredOn) {
    throw new RuleViolation(
      'DATED_BEFORE_REGISTRATION',
      `${field}(${day})이(가) 구직등록일(${state.registeredOn})보다 앞설 수 없습니다.`,
      { field, [field]: day, registeredOn: state.registeredOn },
    );
  }
  for (const purpose of needs) {
    const givenOn = state.consentsGivenOn?.[purpose];
    if (givenOn && day < givenOn) {
      throw new RuleViolation(
        'DATED_BEFORE_CONSENT',
        `${field}(${day})이(가) ${CONSENT_NAMES[purpose]} 일자(${givenOn})보다 앞설 수 없습니다.`,
        { field, [field]: day, purpose, givenOn },
      );
    }
  }
}
