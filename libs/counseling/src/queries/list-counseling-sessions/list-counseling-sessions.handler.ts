import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { counselingStreamId } from '@saeil/contracts';
import type { CounselingChannel, CounselingSessionRecordedV1 } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { ListCounselingSessionsQuery } from './list-counseling-sessions.query';

export interface CounselingSessionItem {
  sessionId: string;
  occurredOn: string;
  channel: CounselingChannel;
  place?: string;
  topic: string;
  durationMinutes: number;
  notes?: string;
  counselorId: string;
  centerId: string;
  /** When it was written, and by whom (the X-Actor-Id of the request). */
  recordedAt: string;
  recordedBy: string;
}

export interface CounselingSessionPage {
  clientId: string;
  items: CounselingSessionItem[];
  page: number;
  pageSize: number;
  total: number;
  totalMinutes: number;
}

/**
 * Her sessions, newest first, straight from her counseling stream: one client's record is small
 * enough that no read model is needed, and it is never stale.
 */
@QueryHandler(ListCounselingSessionsQuery)
export class ListCounselingSessionsHandler implements IQueryHandler<ListCounselingSessionsQuery, CounselingSessionPage> {
  constructor(private readonly store: EventStore) {}

  async execute({ clientId, paging }: ListCounselingSessionsQuery): Promise<CounselingSessionPage> {
    const { state } = await loadCase(this.store, clientId);
    if (!state.exists) throw new NotFound('구직자', clientId);
    const page = paging.page ?? 1;
    const pageSize = paging.pageSize ?? 20;
    const sessions = (await this.store.readStream(counselingStreamId(clientId)))
      .filter((e) => e.type === 'CounselingSessionRecorded')
      .map((e) => ({ data: e.data as unknown as CounselingSessionRecordedV1, version: e.streamVersion, recordedAt: e.recordedAt, recordedBy: e.metadata.actorId }))
      .sort((a, b) => b.data.occurredOn.localeCompare(a.data.occurredOn) || b.version - a.version);
    return {
      clientId,
      items: sessions.slice((page - 1) * pageSize, page * pageSize).map(({ data, recordedAt, recordedBy }) => ({
        sessionId: data.sessionId,
        occurredOn: data.occurredOn,
        channel: data.channel,
        ...(data.place ? { place: data.place } : {}),
        topic: data.topic,
        durationMinutes: data.durationMinutes,
        ...(data.notes ? { notes: data.notes } : {}),
        counselorId: data.counselorId,
        centerId: data.centerId,
        recordedAt,
        recordedBy,
      })),
      page,
      pageSize,
      total: sessions.length,
      totalMinutes: sessions.reduce((sum, s) => sum + s.data.durationMinutes, 0),
    };
  }
}
