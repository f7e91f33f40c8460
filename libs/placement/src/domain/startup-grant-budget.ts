import { RuleViolation } from '@saeil/core';

/** One year's startup marketing-grant budget of a center (config/startup-support.json). */
export interface GrantBudget {
  /** Most a team may receive in the grant year, KRW. */
  capPerTeam: number;
  /** How many teams a center may fund in the grant year. */
  teamsPerCenter: number;
}

/** What a center has already granted in a year, as far as one team's new grant is concerned. */
export interface TeamGrantLedger {
  /** Teams of the center funded in the year so far. */
  fundedTeams: number;
  /** Whether this team is one of them (a further grant to it takes no new slot). */
  teamFunded: boolean;
  /** Paid to this team in the year so far, KRW. */
  teamPaid: number;
}

export function requireWithinTeamCap(paid: number, amount: number, budget: GrantBudget): void {
  if (paid + amount > budget.capPerTeam) {
    throw new RuleViolation(
      'GRANT_OVER_CAP',
      `창업 마케팅비는 팀당 연 ${budget.capPerTeam.toLocaleString('ko-KR')}원까지 지원할 수 있습니다 (이미 ${paid.toLocaleString('ko-KR')}원 지원).`,
      {
        capPerTeam: budget.capPerTeam,
        alreadyPaid: paid,
        requested: amount,
        remaining: Math.max(0, budget.capPerTeam - paid),
      },
    );
  }
}

/**
 * The center-wide rule, checked where the ledger is read under the year's lock: a grant stays
 * within the team's cap, and a team not funded yet needs one of the year's remaining slots.
 */
export function checkTeamGrant(
  ledger: TeamGrantLedger,
  amount: number,
  budget: GrantBudget,
  where: { centerId: string; grantYear: number },
): void {
  requireWithinTeamCap(ledger.teamPaid, amount, budget);
  if (!ledger.teamFunded && ledger.fundedTeams >= budget.teamsPerCenter) {
    throw new RuleViolation(
      'GRANT_TEAMS_EXHAUSTED',
      `${where.grantYear}년 창업 마케팅비 지원 팀 수(${budget.teamsPerCenter}팀)를 모두 사용했습니다.`,
      { ...where, teamsPerCenter: budget.teamsPerCenter, fundedTeams: ledger.fundedTeams },
    );
  }
}
