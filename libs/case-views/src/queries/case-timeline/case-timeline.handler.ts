import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { EventStore } from '@saeil/event-store';
import { ReadModelConsistency } from '@saeil/projections';
import { NotFound } from '@saeil/core';
import { clientStreamId } from '@saeil/contracts';
import { AccountDirectory } from '@saeil/identity';
import { timelineProjection } from '../../projections/timeline.projection';
import { accountsMarked, nameAccounts } from '../../timeline/describe-event';
import { CaseTimelineQuery } from './case-timeline.query';

export interface TimelineEntry {
  /** When it happened. */
  occurredAt: string;
  /** When it was recorded (later than occurredAt when a counselor recorded it late). */
  recordedAt: string;
  /** Who recorded it. */
  actorId: string;
  /** Her account's display name (read now: a rename shows); null for an actor that is no account (the system). */
  actorName: string | null;
  centerId: string;
  /** What happened, in plain Korean. */
  summary: string;
  type: string;
  context: string;
  position: number;
}

export interface TimelinePage {
  clientId: string;
  items: TimelineEntry[];
  page: number;
  pageSize: number;
  total: number;
  consistency?: { minPosition: number; reached: boolean };
}

/**
 * Newest first by the Korean day it happened, then, within a day, by when it was recorded and its
 * position. A command dated by a day has no time (its occurredAt is the day at 00:00Z), while a
 * registration recorded without `registeredOn` carries the moment it was made: ordered by
 * occurredAt alone, that morning's registration showed after the sessions recorded once she was
 * registered.
 */
const TIMELINE_ORDER = `(occurred_at AT TIME ZONE 'Asia/Seoul')::date DESC, recorded_at DESC, global_position DESC`;

@QueryHandler(CaseTimelineQuery)
export class CaseTimelineHandler implements IQueryHandler<CaseTimelineQuery, TimelinePage> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
    private readonly accounts: AccountDirectory,
  ) {}

  async execute({ clientId, page: paging }: CaseTimelineQuery): Promise<TimelinePage> {
    if ((await this.store.streamVersion(clientStreamId(clientId))) === null) throw new NotFound('구직자', clientId);
    const page = paging.page ?? 1;
    const pageSize = paging.pageSize ?? 50;
    const consistency = paging.minPosition
      ? {
          minPosition: paging.minPosition,
          reached: await this.consistency.waitFor(
            timelineProjection,
            paging.minPosition,
            this.config.MAX_CONSISTENCY_WAIT_MS,
          ),
        }
      : undefined;
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM rm_timeline WHERE client_id = $1`,
      [clientId],
    );
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT occurred_at, recorded_at, actor_id, center_id, summary, event_type, context, global_position
         FROM rm_timeline WHERE client_id = $1
        ORDER BY ${TIMELINE_ORDER} LIMIT $2 OFFSET $3`,
      [clientId, pageSize, (page - 1) * pageSize],
    );
    const names = await this.accounts.displayNames(rows.flatMap((r) => [r.actor_id, ...accountsMarked(r.summary)]));
    return {
      clientId,
      items: rows.map((r) => ({
        occurredAt: new Date(r.occurred_at).toISOString(),
        recordedAt: new Date(r.recorded_at).toISOString(),
        actorId: r.actor_id,
        actorName: names.get(r.actor_id) ?? null,
        centerId: r.center_id,
        summary: nameAccounts(r.summary, names),
        type: r.event_type,
        context: r.context,
        position: Number(r.global_position),
      })),
      page,
      pageSize,
      total,
      consistency,
    };
  }
}
