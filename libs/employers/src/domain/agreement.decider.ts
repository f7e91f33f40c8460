import { addDays, addYears, NotFound, requireInOrder, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type { AgreementEvent, AgreementKind } from '@saeil/contracts';

/** 여성친화기업 협약 run about three years. */
export const WOMEN_FRIENDLY_TERM_YEARS = 3;
/** A renewal is recorded from six months before the term ends … */
export const RENEWAL_OPENS_DAYS_BEFORE_END = 183;
/** … until three months after; later, the lapsed agreement needs a new signing. */
export const RENEWAL_GRACE_DAYS_AFTER_END = 92;

/** What the handler found about the employer named in a signing. */
export interface EmployerFacts {
  employerId: string;
  registered: boolean;
  name?: string;
}

export interface SignAgreement {
  type: 'SignAgreement';
  agreementId: string;
  centerId: string;
  kind: AgreementKind;
  partyName?: string;
  employer?: EmployerFacts;
  signedOn: string;
  termStart: string;
  termEnd?: string;
  today: string;
}

export interface RenewAgreement {
  type: 'RenewAgreement';
  agreementId: string;
  newTermEnd: string;
  renewedOn: string;
  today: string;
}

export interface EndAgreement {
  type: 'EndAgreement';
  agreementId: string;
  endedOn: string;
  reason: string;
  today: string;
}

export type AgreementCommand = SignAgreement | RenewAgreement | EndAgreement;

export interface AgreementState {
  signed: boolean;
  centerId?: string;
  signedOn?: string;
  termEnd?: string;
  /** The term ends that renewals extended, oldest first. */
  renewedTermEnds: string[];
  ended: boolean;
}

function requireSigned(
  state: AgreementState,
  agreementId: string,
): asserts state is AgreementState & { signed: true; centerId: string; signedOn: string; termEnd: string } {
  if (!state.signed) throw new NotFound('협약', agreementId);
  if (state.ended) throw new RuleViolation('AGREEMENT_ENDED', '종료된 협약입니다.', { agreementId });
}

function sign(c: SignAgreement, state: AgreementState): AgreementEvent[] {
  if (state.signed)
    throw new RuleViolation('AGREEMENT_ALREADY_SIGNED', '이미 기록된 협약입니다.', { agreementId: c.agreementId });
  if (c.kind === 'women_friendly_company' && !c.employer) {
    throw new RuleViolation('EMPLOYER_REQUIRED', '여성친화기업 협약은 등록된 기업(employerId)과 맺습니다.');
  }
  if (c.employer && !c.employer.registered) throw new NotFound('구인업체', c.employer.employerId);
  const partyName = c.partyName?.trim() || c.employer?.name;
  if (!partyName) throw new RuleViolation('PARTY_NAME_REQUIRED', '협약 상대 기관명을 입력하세요.');
  requireNotInFuture('signedOn', c.signedOn, c.today);
  const termEnd =
    c.termEnd ??
    (c.kind === 'women_friendly_company' ? addDays(addYears(c.termStart, WOMEN_FRIENDLY_TERM_YEARS), -1) : undefined);
  if (!termEnd) throw new RuleViolation('TERM_END_REQUIRED', '업무협약의 협약 종료일(termEnd)을 입력하세요.');
  requireInOrder('termStart', c.termStart, 'termEnd', termEnd, true);
  return [
    {
      type: 'AgreementSigned',
      data: {
        agreementId: c.agreementId,
        centerId: c.centerId,
        kind: c.kind,
        partyName,
        ...(c.employer ? { employerId: c.employer.employerId } : {}),
        signedOn: c.signedOn,
        termStart: c.termStart,
        termEnd,
      },
    },
  ];
}

function renew(c: RenewAgreement, state: AgreementState): AgreementEvent[] {
  requireSigned(state, c.agreementId);
  requireNotInFuture('renewedOn', c.renewedOn, c.today);
  const opens = addDays(state.termEnd, -RENEWAL_OPENS_DAYS_BEFORE_END);
  const closes = addDays(state.termEnd, RENEWAL_GRACE_DAYS_AFTER_END);
  if (c.renewedOn < opens) {
    // A date in the window of the term before the current one: that term was renewed already.
    const previous = state.renewedTermEnds.at(-1);
    if (previous && c.renewedOn >= addDays(previous, -RENEWAL_OPENS_DAYS_BEFORE_END)) {
      throw new RuleViolation('AGREEMENT_ALREADY_RENEWED', `협약은 이미 ${state.termEnd}까지 갱신되었습니다.`, {
        termEnd: state.termEnd,
        previousTermEnd: previous,
      });
    }
    throw new RuleViolation(
      'RENEWAL_TOO_EARLY',
      `갱신은 협약 종료일(${state.termEnd}) 6개월 전(${opens})부터 기록할 수 있습니다.`,
      { termEnd: state.termEnd, opensOn: opens },
    );
  }
  if (c.renewedOn > closes) {
    throw new RuleViolation(
      'AGREEMENT_LAPSED',
      `협약이 ${state.termEnd}에 만료되어 3개월이 지났습니다. 새 협약으로 기록하세요.`,
      { termEnd: state.termEnd, closedOn: closes },
    );
  }
  requireInOrder('termEnd', state.termEnd, 'newTermEnd', c.newTermEnd, true);
  return [
    {
      type: 'AgreementRenewed',
      data: {
        agreementId: c.agreementId,
        centerId: state.centerId,
        previousTermEnd: state.termEnd,
        newTermEnd: c.newTermEnd,
        renewedOn: c.renewedOn,
      },
    },
  ];
}

function end(c: EndAgreement, state: AgreementState): AgreementEvent[] {
  if (state.ended)
    throw new RuleViolation('AGREEMENT_ALREADY_ENDED', '이미 종료된 협약입니다.', { agreementId: c.agreementId });
  requireSigned(state, c.agreementId);
  requireNotInFuture('endedOn', c.endedOn, c.today);
  requireInOrder('signedOn', state.signedOn, 'endedOn', c.endedOn);
  const reason = c.reason.trim();
  if (!reason) throw new RuleViolation('REASON_REQUIRED', '종료 사유를 입력하세요.');
  return [
    {
      type: 'AgreementEnded',
      data: { agreementId: c.agreementId, centerId: state.centerId, endedOn: c.endedOn, reason },
    },
  ];
}

/** An agreement (stream `agreement-<agreementId>`): signed with a term, renewed, ended. */
export const agreementDecider: Decider<AgreementCommand, AgreementState, AgreementEvent> = {
  initialState: () => ({ signed: false, renewedTermEnds: [], ended: false }),

  evolve(state, event) {
    switch (event.type) {
      case 'AgreementSigned':
        return {
          ...state,
          signed: true,
          centerId: event.data.centerId,
          signedOn: event.data.signedOn,
          termEnd: event.data.termEnd,
        };
      case 'AgreementRenewed':
        return {
          ...state,
          termEnd: event.data.newTermEnd,
          renewedTermEnds: [...state.renewedTermEnds, event.data.previousTermEnd],
        };
      case 'AgreementEnded':
        return { ...state, ended: true };
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'SignAgreement':
        return sign(command, state);
      case 'RenewAgreement':
        return renew(command, state);
      case 'EndAgreement':
        return end(command, state);
    }
  },
};
