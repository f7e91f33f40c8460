import { RuleViolation } from '@saeil/core';
import { checkTeamGrant, TeamGrantLedger } from './startup-grant-budget';

const budget = { capPerTeam: 500_000, teamsPerCenter: 10 };
const where = { centerId: 'center-jinju', grantYear: 2026 };

function refusal(ledger: TeamGrantLedger, amount: number): RuleViolation {
  try {
    checkTeamGrant(ledger, amount, budget, where);
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('startup grant budget of a center and year', () => {
  it('given 9 teams funded, when a 10th team gets its first grant, then it is accepted', () => {
    expect(() =>
      checkTeamGrant({ fundedTeams: 9, teamFunded: false, teamPaid: 0 }, 500_000, budget, where),
    ).not.toThrow();
  });

  it('given 10 teams funded, when an 11th team asks, then GRANT_TEAMS_EXHAUSTED', () => {
    expect(refusal({ fundedTeams: 10, teamFunded: false, teamPaid: 0 }, 100_000)).toMatchObject({
      code: 'GRANT_TEAMS_EXHAUSTED',
      details: { centerId: 'center-jinju', grantYear: 2026, teamsPerCenter: 10, fundedTeams: 10 },
    });
  });

  it('given 10 teams funded, when one of them gets its remaining amount, then no new slot is needed', () => {
    expect(() =>
      checkTeamGrant({ fundedTeams: 10, teamFunded: true, teamPaid: 300_000 }, 200_000, budget, where),
    ).not.toThrow();
  });

  it('given a team paid 300,000 by a co-founder, when 200,001 more, then GRANT_OVER_CAP', () => {
    expect(refusal({ fundedTeams: 3, teamFunded: true, teamPaid: 300_000 }, 200_001)).toMatchObject({
      code: 'GRANT_OVER_CAP',
      details: { remaining: 200_000 },
    });
  });
});
