import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { CLOCK, Clock } from '@saeil/core';
import { ReadModelConsistency } from '@saeil/projections';
import { openStoredPersonalData, PrivacyVault } from '@saeil/privacy';
import { queueBucket } from '../../queue/queue-buckets';
import { ConsistencyAnswer, waitForQueue } from '../queue-consistency';
import { FollowUpQueueQuery } from './follow-up-queue.query';

export interface FollowUpQueueItem {
  clientId: string;
  /**
   * Opened from her sealed identity. Null until her registration reaches the queue (Kafka topics
   * are not ordered with each other), and for good once her personal data is erased (the
   * milestone stays: it is still owed and counted).
   */
  clientName: string | null;
  placementId: string;
  employerName: string | null;
  n: number;
  dueOn: string;
  window: { opensOn: string; closesOn: string };
}

export interface FollowUpQueue {
  counselorId: string;
  today: string;
  dueThisWeek: FollowUpQueueItem[];
  overdue: FollowUpQueueItem[];
  upcoming: FollowUpQueueItem[];
  consistency?: ConsistencyAnswer;
}

/**
 * The open milestones of one counselor's clients (her current counselor: the queue follows a
 * reassignment or a transfer), in three lists by date (within a day by placement: names are
 * sealed, so the database cannot order by them). Recorded, closed and cancelled milestones
 * are not work any more and are left out.
 */
@QueryHandler(FollowUpQueueQuery)
export class FollowUpQueueHandler implements IQueryHandler<FollowUpQueueQuery, FollowUpQueue> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly vault: PrivacyVault,
  ) {}

  async execute({ filter, centerIds }: FollowUpQueueQuery): Promise<FollowUpQueue> {
    const consistency = await waitForQueue(this.consistency, this.config, filter.minPosition);
    const today = filter.today ?? this.clock.today();
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT f.client_id, c.personal, c.erased_at, f.placement_id, p.employer_name, f.n,
              to_char(f.due_on, 'YYYY-MM-DD') AS due_on, to_char(f.opens_on, 'YYYY-MM-DD') AS opens_on, to_char(f.closes_on, 'YYYY-MM-DD') AS closes_on
         FROM rm_follow_ups f
         LEFT JOIN rm_follow_up_clients c ON c.client_id = f.client_id
         LEFT JOIN rm_follow_up_placements p ON p.placement_id = f.placement_id
        WHERE f.status = 'open' AND coalesce(c.counselor_id, f.counselor_id) = $1
          AND ($2::text[] IS NULL OR coalesce(c.center_id, f.center_id) = ANY($2))
        ORDER BY f.due_on, f.placement_id, f.n`,
      [filter.counselorId, centerIds],
    );
    const queue: FollowUpQueue = {
      counselorId: filter.counselorId,
      today,
      dueThisWeek: [],
      overdue: [],
      upcoming: [],
      ...(consistency ? { consistency } : {}),
    };
    // One opening per woman, however many milestones she has on the queue.
    const names = new Map<string, Promise<string | null>>();
    const nameOf = (clientId: string, personal: string | null): Promise<string | null> => {
      if (!names.has(clientId))
        names.set(
          clientId,
          personal === null
            ? Promise.resolve(null)
            : openStoredPersonalData<{ name: string }>(this.vault, clientId, personal).then((o) =>
                o.status === 'open' ? o.fields.name : null,
              ),
        );
      return names.get(clientId)!;
    };
    await this.vault.preloadKeys(rows.filter((r) => r.personal && !r.erased_at).map((r) => r.client_id));
    for (const r of rows) {
      const item: FollowUpQueueItem = {
        clientId: r.client_id,
        clientName: r.erased_at ? null : await nameOf(r.client_id, r.personal ?? null),
        placementId: r.placement_id,
        employerName: r.employer_name ?? null,
        n: r.n,
        dueOn: r.due_on,
        window: { opensOn: r.opens_on, closesOn: r.closes_on },
      };
      queue[queueBucket(item.window, today)].push(item);
    }
    return queue;
  }
}
