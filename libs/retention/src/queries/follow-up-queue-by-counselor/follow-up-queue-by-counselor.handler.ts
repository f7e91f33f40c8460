import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { CLOCK, Clock } from '@saeil/core';
import { AccountDirectory } from '@saeil/identity';
import { ReadModelConsistency } from '@saeil/projections';
import { countBuckets, OpenMilestone, QueueCounts } from '../../queue/queue-buckets';
import { ConsistencyAnswer, waitForQueue } from '../queue-consistency';
import { FollowUpQueueByCounselorQuery } from './follow-up-queue-by-counselor.query';

export interface CounselorQueueCounts extends QueueCounts {
  counselorId: string;
  counselorName: string | null;
}

export interface FollowUpQueueByCounselor {
  centerId: string;
  today: string;
  counselors: CounselorQueueCounts[];
  consistency?: ConsistencyAnswer;
}

/** A supervisor's view: per counselor of the center (her current center and counselor), the open milestones due this week, overdue and upcoming. */
@QueryHandler(FollowUpQueueByCounselorQuery)
export class FollowUpQueueByCounselorHandler implements IQueryHandler<
  FollowUpQueueByCounselorQuery,
  FollowUpQueueByCounselor
> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly accounts: AccountDirectory,
  ) {}

  async execute({ filter }: FollowUpQueueByCounselorQuery): Promise<FollowUpQueueByCounselor> {
    const consistency = await waitForQueue(this.consistency, this.config, filter.minPosition);
    const today = filter.today ?? this.clock.today();
    const rows: { counselor_id: string; opens_on: string; closes_on: string }[] = await this.dataSource.query(
      `SELECT coalesce(c.counselor_id, f.counselor_id) AS counselor_id,
              to_char(f.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(f.closes_on, 'YYYY-MM-DD') AS closes_on
         FROM rm_follow_ups f
         LEFT JOIN rm_follow_up_clients c ON c.client_id = f.client_id
        WHERE f.status = 'open' AND coalesce(c.center_id, f.center_id) = $1`,
      [filter.centerId],
    );
    const byCounselor = new Map<string, OpenMilestone[]>();
    for (const r of rows)
      byCounselor.set(r.counselor_id, [
        ...(byCounselor.get(r.counselor_id) ?? []),
        { opensOn: r.opens_on, closesOn: r.closes_on },
      ]);
    const names = await this.accounts.displayNames(byCounselor.keys());
    const counselors = [...byCounselor.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([counselorId, milestones]) => ({
        counselorId,
        counselorName: names.get(counselorId) ?? null,
        ...countBuckets(milestones, today),
      }));
    return { centerId: filter.centerId, today, counselors, ...(consistency ? { consistency } : {}) };
  }
}
