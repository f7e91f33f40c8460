import { FOLLOW_UP_MILESTONES, FollowUpOutcome, MilestoneNumber } from './events';
import type { FollowUpsState } from './follow-ups.decider';

/** The glossary's outcome at milestone N: a follow-up's finding, or "unverified" when nothing is known. */
export type OutcomeAtMilestone = FollowUpOutcome | 'unverified';

/**
 * Outcome of one placement at milestone n, as of day asOf; undefined when the placement is not
 * eligible (milestone date after asOf, voided, or never scheduled).
 *
 * - The follow-up recorded for the milestone decides, if she was contacted on or before asOf
 *   (so a report as of a past day shows what a follow-up made by then would show).
 * - Otherwise an employment end dated before the milestone means not employed.
 * - Otherwise unverified: a missing follow-up is neither success nor failure.
 */
export function outcomeAt(n: MilestoneNumber, asOf: string, state: FollowUpsState): OutcomeAtMilestone | undefined {
  if (!state.placement || state.cancelled) return undefined;
  const milestone = state.milestones.find((m) => m.n === n);
  if (!milestone || milestone.dueOn > asOf) return undefined;
  if (milestone.recorded && milestone.recorded.contactedOn <= asOf) return milestone.recorded.outcome;
  if (state.employmentEndedOn !== undefined && state.employmentEndedOn < milestone.dueOn) return 'not_employed';
  return 'unverified';
}

export interface RetentionCounts {
  eligible: number;
  sameEmployer: number;
  otherEmployer: number;
  notEmployed: number;
  unreachable: number;
  unverified: number;
}

/** Unrounded fractions (0–1); null when nobody is eligible. Round only for display. */
export interface RetentionRates {
  /** 고용유지율: employed with the same employer / eligible. */
  retentionRate: number | null;
  /** Employed with any employer / eligible. */
  anyEmployerRate: number | null;
  /** Unverified / eligible: how much of the picture is missing follow-ups. */
  unverifiedShare: number | null;
}

export interface MilestoneRetention {
  n: MilestoneNumber;
  counts: RetentionCounts;
  rates: RetentionRates;
}

const COUNTED_AS: Record<OutcomeAtMilestone, Exclude<keyof RetentionCounts, 'eligible'>> = {
  employed_same_employer: 'sameEmployer',
  employed_other_employer: 'otherEmployer',
  not_employed: 'notEmployed',
  unreachable: 'unreachable',
  unverified: 'unverified',
};

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function retentionCounts(states: readonly FollowUpsState[], n: MilestoneNumber, asOf: string): RetentionCounts {
  const counts: RetentionCounts = {
    eligible: 0,
    sameEmployer: 0,
    otherEmployer: 0,
    notEmployed: 0,
    unreachable: 0,
    unverified: 0,
  };
  for (const state of states) {
    const outcome = outcomeAt(n, asOf, state);
    if (outcome === undefined) continue;
    counts.eligible += 1;
    counts[COUNTED_AS[outcome]] += 1;
  }
  return counts;
}

export function retentionRates(counts: RetentionCounts): RetentionRates {
  return {
    retentionRate: share(counts.sameEmployer, counts.eligible),
    anyEmployerRate: share(counts.sameEmployer + counts.otherEmployer, counts.eligible),
    unverifiedShare: share(counts.unverified, counts.eligible),
  };
}

/** Retention at months 1, 2 and 3 over many placements, as of one day. */
export function retentionAt(states: readonly FollowUpsState[], asOf: string): MilestoneRetention[] {
  return FOLLOW_UP_MILESTONES.map((n) => {
    const counts = retentionCounts(states, n, asOf);
    return { n, counts, rates: retentionRates(counts) };
  });
}
