import { addDays } from '@saeil/core';

export type QueueBucket = 'overdue' | 'dueThisWeek' | 'upcoming';

/** A milestone still waiting for a follow-up, with its contact window (inclusive days). */
export interface OpenMilestone {
  opensOn: string;
  closesOn: string;
}

/**
 * Where an open milestone stands on `today` (a counselor's week is today and the 6 days after):
 * - overdue: its window closed before today;
 * - dueThisWeek: its window is open today or opens within the week;
 * - upcoming: its window opens later.
 * Judged on the dates, not on the FollowUpDue/Overdue marks, so the queue is right even before
 * the next sweep has run (and for any `today` a supervisor asks about).
 */
export function queueBucket(milestone: OpenMilestone, today: string): QueueBucket {
  if (milestone.closesOn < today) return 'overdue';
  if (milestone.opensOn <= addDays(today, 6)) return 'dueThisWeek';
  return 'upcoming';
}

export interface QueueCounts {
  dueThisWeek: number;
  overdue: number;
  upcoming: number;
}

export function countBuckets(milestones: OpenMilestone[], today: string): QueueCounts {
  const counts: QueueCounts = { dueThisWeek: 0, overdue: 0, upcoming: 0 };
  for (const m of milestones) counts[queueBucket(m, today)] += 1;
  return counts;
}
