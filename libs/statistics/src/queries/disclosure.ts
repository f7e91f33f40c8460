import { ValidationFailed } from '@saeil/core';
import type { RequestAccess } from '@saeil/identity';
import { periodLengthProblems } from '../domain/period';

/**
 * How exact the figures an account reads are (issue 13, finding 12): a center's own staff
 * (counselor, supervisor: scope one center) see their center's exact figures; every reader above
 * the center — a regional supervisor, the Ministry analyst — sees them as the Ministry report
 * publishes them, person counts below SUPPRESSION_THRESHOLD suppressed with their complements.
 */
export type Disclosure = 'exact' | 'suppressed';

export function disclosureFor(access: Pick<RequestAccess, 'scope'>): Disclosure {
  return access.scope.kind === 'center' ? 'exact' : 'suppressed';
}

/**
 * The longest period an HTTP statistics read may ask for: five years (a 1900–2999 read took 10 s
 * and 7 MB). The ports (KPI plans, the report) are not bounded here: their periods are a plan's
 * term or a report's month or quarter.
 */
export const STATISTICS_MAX_PERIOD_DAYS = 1827;

export function requireBoundedPeriod(filter: { from?: unknown; to?: unknown }): void {
  const problems = periodLengthProblems(filter, STATISTICS_MAX_PERIOD_DAYS);
  if (problems.length > 0) throw new ValidationFailed(problems);
}
