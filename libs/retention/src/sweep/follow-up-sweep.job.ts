import { ConcurrencyConflict, occurredAtOfDay } from '@saeil/core';
import type { WorkerJob, WorkerServices } from '@saeil/runtime';
import { decideFollowUps } from '../follow-ups/decide-follow-ups';

/** Milestones looked at per run; the rest wait for the next run. */
const BATCH = 500;

interface Candidate {
  placement_id: string;
  n: number;
  center_id: string;
  /** The window's last day has passed: overdue (and due, if the sweep missed the opening). */
  closed: boolean;
}

/**
 * One sweep: every open milestone whose contact window has opened without FollowUpDue, or closed
 * without FollowUpOverdue (per the follow-up-queue read model), goes through the decider with
 * today's date. The stream, not the read model, decides: a milestone marked a moment ago (the
 * read model lags) or by another worker decides nothing, and two workers appending at once end
 * in one success and one ConcurrencyConflict, which is a lost race, not an error. So each
 * milestone gets one FollowUpDue and one FollowUpOverdue, whatever runs and restarts.
 * Returns how many events it appended.
 */
export async function sweepFollowUps(services: WorkerServices): Promise<number> {
  const today = services.clock.today();
  const candidates: Candidate[] = await services.dataSource.query(
    `SELECT placement_id, n, center_id, closes_on < $1::date AS closed
       FROM rm_follow_ups
      WHERE status = 'open' AND ((NOT due_marked AND opens_on <= $1::date) OR (NOT overdue_marked AND closes_on < $1::date))
      ORDER BY opens_on, placement_id, n LIMIT $2`,
    [today, BATCH],
  );
  let appended = 0;
  for (const c of candidates) {
    const metadata = {
      actorId: 'system:follow-up-sweep',
      centerId: c.center_id,
      correlationId: `follow-up-sweep:${today}`,
      occurredAt: occurredAtOfDay(today),
    };
    const command = c.closed
      ? ({ type: 'MarkFollowUpOverdue', placementId: c.placement_id, n: c.n, today } as const)
      : ({ type: 'MarkFollowUpDue', placementId: c.placement_id, n: c.n, today } as const);
    try {
      const result = await decideFollowUps(services.store, command, metadata);
      if (result) appended += result.eventIds.length;
    } catch (error) {
      if (error instanceof ConcurrencyConflict) continue;
      services.logger.warn(
        { err: error, placementId: c.placement_id, n: c.n },
        'follow-up sweep could not mark a milestone; the next sweep tries again',
      );
    }
  }
  return appended;
}

/** The worker runs the sweep every FOLLOW_UP_SWEEP_INTERVAL_MS. */
export const followUpSweepJob: WorkerJob = {
  name: 'follow-up-sweep',
  intervalMs: (config) => config.FOLLOW_UP_SWEEP_INTERVAL_MS,
  async run(services) {
    const appended = await sweepFollowUps(services);
    if (appended > 0)
      services.logger.info(
        { appended, today: services.clock.today() },
        'follow-up sweep marked milestones due/overdue',
      );
  },
};
