import { NotFound, requireInOrder, requireNotInFuture, RuleViolation } from '@saeil/core';
import type { Decider } from '@saeil/core';
import type {
  ConsentPurpose,
  EmploymentEndReason,
  OccupationGroup,
  PlacementChannel,
  PlacementEmploymentType,
  PlacementEvent,
} from '@saeil/contracts';
import { OCCUPATION_GROUPS } from '@saeil/contracts';
import { CaseState, requireDatedWithinCase, requireOpenCase } from '@saeil/intake/domain';
import { GrantBudget, requireWithinTeamCap } from './startup-grant-budget';

export const MIN_WEEKLY_HOURS = 1;
export const MAX_WEEKLY_HOURS = 80;
/** Far above any wage a center places at: what is above it is a typing error (an extra zero). */
export const MAX_MONTHLY_WAGE = 20_000_000;

/** Every command about her carries her case (from `loadCase`) and the day it is decided on. */
interface AboutHer {
  clientId: string;
  case: CaseState;
  /** Today in Korea (injected so tests control it). */
  today: string;
}

export interface StartEmployment extends AboutHer {
  type: 'StartEmployment';
  placementId: string;
  employerId?: string;
  employerName: string;
  jobTitle: string;
  occupation: string;
  occupationGroup?: OccupationGroup;
  employmentType: PlacementEmploymentType;
  weeklyHours: number;
  monthlyWage: number;
  startOn: string;
  channel: PlacementChannel;
  employmentInsurance: boolean;
}

export interface EndEmployment extends AboutHer {
  type: 'EndEmployment';
  placementId: string;
  endedOn: string;
  reason: EmploymentEndReason;
  note?: string;
}

export interface VoidPlacement extends AboutHer {
  type: 'VoidPlacement';
  placementId: string;
  reason: string;
}

export interface StartStartup extends AboutHer {
  type: 'StartStartup';
  startupId: string;
  businessName: string;
  industry: string;
  startedOn: string;
  teamId?: string;
}

export interface PayStartupGrant extends AboutHer {
  type: 'PayStartupGrant';
  startupId: string;
  amount: number;
  paidOn: string;
  grantYear: number;
  /** Her center's budget for the grant year (config/startup-support.json). */
  budget: GrantBudget;
}

export type PlacementCommand = StartEmployment | EndEmployment | VoidPlacement | StartStartup | PayStartupGrant;

export type PlacementStatus = 'active' | 'ended' | 'voided';

export interface PlacementRecord {
  placementId: string;
  status: PlacementStatus;
  startOn: string;
}

export interface StartupRecord {
  startupId: string;
  startedOn: string;
  teamKey: string;
  /** KRW paid per grant year. */
  paidByYear: Record<number, number>;
}

export interface PlacementsState {
  placements: Record<string, PlacementRecord>;
  startups: Record<string, StartupRecord>;
}

/** The grant year a payment counts against: the payment's own year, or the year before (a late payment of last year's budget). */
export function requireGrantYear(grantYear: number, paidOn: string): void {
  const paidYear = Number(paidOn.slice(0, 4));
  if (grantYear !== paidYear && grantYear !== paidYear - 1) {
    throw new RuleViolation(
      'GRANT_YEAR_MISMATCH',
      `지원 연도(${grantYear})는 지급일(${paidOn})의 연도 또는 전년도여야 합니다.`,
      { grantYear, paidOn },
    );
  }
}

/**
 * The statistics group of an occupation: a KECO code names its own major group (first digit);
 * an occupation given by name needs the group stated.
 */
export function occupationGroupOf(occupation: string, stated?: OccupationGroup): OccupationGroup {
  const fromCode = /^\d{1,6}$/.test(occupation) ? (occupation[0] as OccupationGroup) : undefined;
  if (fromCode && stated && fromCode !== stated) {
    throw new RuleViolation(
      'OCCUPATION_GROUP_MISMATCH',
      `직업코드 ${occupation}은(는) ${OCCUPATION_GROUPS[fromCode]}(${fromCode})에 속합니다.`,
      { occupation, occupationGroup: stated, expected: fromCode },
    );
  }
  const group = stated ?? fromCode;
  if (!group)
    throw new RuleViolation(
      'OCCUPATION_GROUP_REQUIRED',
      '직업명을 입력한 경우 직업 대분류(occupationGroup)를 함께 입력하세요.',
      { occupation },
    );
  return group;
}

function activePlacement(state: PlacementsState): PlacementRecord | undefined {
  return Object.values(state.placements).find((p) => p.status === 'active');
}

function requirePlacement(state: PlacementsState, placementId: string): PlacementRecord {
  const placement = state.placements[placementId];
  if (!placement) throw new NotFound('취업 기록', placementId);
  if (placement.status === 'ended')
    throw new RuleViolation('PLACEMENT_ALREADY_ENDED', '이미 퇴사 처리된 취업 기록입니다.', { placementId });
  if (placement.status === 'voided')
    throw new RuleViolation('PLACEMENT_VOIDED', '취소된 취업 기록입니다.', { placementId });
  return placement;
}

function startEmployment(c: StartEmployment, state: PlacementsState): PlacementEvent[] {
  // Referring her to an employer sends her data there (제3자 제공); a self-found job does not.
  const needs: ConsentPurpose[] = c.channel === 'center' ? ['service', 'employer_sharing'] : ['service'];
  requireOpenCase(c.case, c.clientId, needs);
  requireNotInFuture('startOn', c.startOn, c.today);
  requireDatedWithinCase(c.case, 'startOn', c.startOn, needs);
  if (!(c.weeklyHours >= MIN_WEEKLY_HOURS && c.weeklyHours <= MAX_WEEKLY_HOURS)) {
    throw new RuleViolation(
      'WEEKLY_HOURS_OUT_OF_RANGE',
      `주당 근로시간은 ${MIN_WEEKLY_HOURS}–${MAX_WEEKLY_HOURS}시간이어야 합니다.`,
      { weeklyHours: c.weeklyHours },
    );
  }
  if (!(Number.isInteger(c.monthlyWage) && c.monthlyWage >= 0 && c.monthlyWage <= MAX_MONTHLY_WAGE)) {
    throw new RuleViolation(
      'MONTHLY_WAGE_OUT_OF_RANGE',
      `월 임금은 0–${MAX_MONTHLY_WAGE.toLocaleString('ko-KR')}원이어야 합니다.`,
      { monthlyWage: c.monthlyWage },
    );
  }
  const active = activePlacement(state);
  if (active) {
    throw new RuleViolation(
      'ACTIVE_PLACEMENT_EXISTS',
      '재직 중인 취업 기록이 있습니다. 퇴사를 먼저 기록하거나 잘못된 기록이면 취소하세요.',
      { placementId: active.placementId, startOn: active.startOn },
    );
  }
  const occupation = c.occupation.trim();
  return [
    {
      type: 'EmploymentStarted',
      data: {
        clientId: c.clientId,
        placementId: c.placementId,
        ...(c.employerId ? { employerId: c.employerId } : {}),
        employerName: c.employerName.trim(),
        jobTitle: c.jobTitle.trim(),
        occupation,
        occupationGroup: occupationGroupOf(occupation, c.occupationGroup),
        employmentType: c.employmentType,
        weeklyHours: c.weeklyHours,
        monthlyWage: c.monthlyWage,
        startOn: c.startOn,
        channel: c.channel,
        employmentInsurance: c.employmentInsurance,
      },
    },
  ];
}

function endEmployment(c: EndEmployment, state: PlacementsState): PlacementEvent[] {
  requireOpenCase(c.case, c.clientId, ['service']);
  const placement = requirePlacement(state, c.placementId);
  requireNotInFuture('endedOn', c.endedOn, c.today);
  requireInOrder('startOn', placement.startOn, 'endedOn', c.endedOn);
  const note = c.note?.trim();
  return [
    {
      type: 'EmploymentEnded',
      data: {
        clientId: c.clientId,
        placementId: c.placementId,
        endedOn: c.endedOn,
        reason: c.reason,
        ...(note ? { note } : {}),
      },
    },
  ];
}

function voidPlacement(c: VoidPlacement, state: PlacementsState): PlacementEvent[] {
  // A correction of the record, not processing about her: allowed on a closed case too.
  if (!c.case.exists) throw new NotFound('구직자', c.clientId);
  requirePlacement(state, c.placementId);
  const reason = c.reason.trim();
  if (!reason) throw new RuleViolation('REASON_REQUIRED', '취소 사유를 입력하세요.');
  return [{ type: 'PlacementVoided', data: { clientId: c.clientId, placementId: c.placementId, reason } }];
}

function startStartup(c: StartStartup, state: PlacementsState): PlacementEvent[] {
  requireOpenCase(c.case, c.clientId, ['service']);
  requireNotInFuture('startedOn', c.startedOn, c.today);
  requireDatedWithinCase(c.case, 'startedOn', c.startedOn);
  if (state.startups[c.startupId])
    throw new RuleViolation('STARTUP_ALREADY_RECORDED', '이미 기록된 창업입니다.', { startupId: c.startupId });
  const teamId = c.teamId?.trim();
  return [
    {
      type: 'StartupStarted',
      data: {
        clientId: c.clientId,
        startupId: c.startupId,
        businessName: c.businessName.trim(),
        industry: c.industry.trim(),
        startedOn: c.startedOn,
        ...(teamId ? { teamId } : {}),
      },
    },
  ];
}

function payStartupGrant(c: PayStartupGrant, state: PlacementsState): PlacementEvent[] {
  const caseState = c.case;
  requireOpenCase(caseState, c.clientId, ['service']);
  const startup = state.startups[c.startupId];
  if (!startup) throw new NotFound('창업 기록', c.startupId);
  requireNotInFuture('paidOn', c.paidOn, c.today);
  requireInOrder('startedOn', startup.startedOn, 'paidOn', c.paidOn);
  requireGrantYear(c.grantYear, c.paidOn);
  if (!(Number.isInteger(c.amount) && c.amount > 0))
    throw new RuleViolation('GRANT_AMOUNT_INVALID', '지원 금액은 1원 이상의 정수여야 합니다.', { amount: c.amount });
  // Her own startup's grants; the team's (shared with co-founders) and the center's teams are
  // checked again in the append transaction (see PayStartupGrantHandler).
  requireWithinTeamCap(startup.paidByYear[c.grantYear] ?? 0, c.amount, c.budget);
  return [
    {
      type: 'StartupGrantPaid',
      data: {
        clientId: c.clientId,
        startupId: c.startupId,
        amount: c.amount,
        paidOn: c.paidOn,
        grantYear: c.grantYear,
        centerId: caseState.centerId,
        teamKey: startup.teamKey,
      },
    },
  ];
}

/** Her placements and startup outcomes (stream `placements-<clientId>`), as pure functions. */
export const placementsDecider: Decider<PlacementCommand, PlacementsState, PlacementEvent> = {
  initialState: () => ({ placements: {}, startups: {} }),

  evolve(state, event) {
    switch (event.type) {
      case 'EmploymentStarted': {
        const { placementId, startOn } = event.data;
        return {
          ...state,
          placements: { ...state.placements, [placementId]: { placementId, startOn, status: 'active' } },
        };
      }
      case 'EmploymentEnded':
      case 'PlacementVoided': {
        const placement = state.placements[event.data.placementId];
        if (!placement) return state;
        const status: PlacementStatus = event.type === 'EmploymentEnded' ? 'ended' : 'voided';
        return { ...state, placements: { ...state.placements, [placement.placementId]: { ...placement, status } } };
      }
      case 'StartupStarted': {
        const { startupId, startedOn, teamId } = event.data;
        return {
          ...state,
          startups: {
            ...state.startups,
            [startupId]: { startupId, startedOn, teamKey: teamId ?? startupId, paidByYear: {} },
          },
        };
      }
      case 'StartupGrantPaid': {
        const startup = state.startups[event.data.startupId];
        if (!startup) return state;
        const { grantYear, amount } = event.data;
        const paidByYear = { ...startup.paidByYear, [grantYear]: (startup.paidByYear[grantYear] ?? 0) + amount };
        return { ...state, startups: { ...state.startups, [startup.startupId]: { ...startup, paidByYear } } };
      }
      default:
        return state;
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'StartEmployment':
        return startEmployment(command, state);
      case 'EndEmployment':
        return endEmployment(command, state);
      case 'VoidPlacement':
        return voidPlacement(command, state);
      case 'StartStartup':
        return startStartup(command, state);
      case 'PayStartupGrant':
        return payStartupGrant(command, state);
    }
  },
};
