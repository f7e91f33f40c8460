import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { counselingStreamId } from '@saeil/contracts';
import type { CounselingChannel, CounselingNotesFields, CounselingSessionRecordedData } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { PrivacyVault } from '@saeil/privacy';
import { ListCounselingSessionsQuery } from './list-counseling-sessions.query';

export interface CounselingSessionItem {
  sessionId: string;
  occurredOn: string;
  channel: CounselingChannel;
  place?: string;
  topic: string;
  durationMinutes: number;
  /** 상담 내용, opened from its envelope. */
  notes?: string;
  /** Set when the session had notes that can no longer be read: she was erased. */
  notesErased?: true;
  counselorId: string;
  centerId: string;
  /** When it was written, and by whom (the account of the request). */
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
export class ListCounselingSessionsHandler implements IQueryHandler<
  ListCounselingSessionsQuery,
  CounselingSessionPage
> {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PrivacyVault,
  ) {}

  async execute({ clientId, paging }: ListCounselingSessionsQuery): Promise<CounselingSessionPage> {
    const { state } = await loadCase(this.store, clientId);
    if (!state.exists) throw new NotFound('구직자', clientId);
    const page = paging.page ?? 1;
    const pageSize = paging.pageSize ?? 20;
    const sessions = (await this.store.readStream(counselingStreamId(clientId)))
      .filter((e) => e.type === 'CounselingSessionRecorded')
      .map((e) => ({
        data: e.data as unknown as CounselingSessionRecordedData,
        version: e.streamVersion,
        recordedAt: e.recordedAt,
        recordedBy: e.metadata.actorId,
      }))
      .sort((a, b) => b.data.occurredOn.localeCompare(a.data.occurredOn) || b.version - a.version);
    const items: CounselingSessionItem[] = [];
    for (const { data, recordedAt, recordedBy } of sessions.slice((page - 1) * pageSize, page * pageSize)) {
      items.push({
        sessionId: data.sessionId,
        occurredOn: data.occurredOn,
        channel: data.channel,
        ...(data.place ? { place: data.place } : {}),
        topic: data.topic,
        durationMinutes: data.durationMinutes,
        ...(await this.notesOf(clientId, data)),
        counselorId: data.counselorId,
        centerId: data.centerId,
        recordedAt,
        recordedBy,
      });
    }
    return {
      clientId,
      items,
      page,
      pageSize,
      total: sessions.length,
      totalMinutes: sessions.reduce((sum, s) => sum + s.data.durationMinutes, 0),
    };
  }

  /** Her notes opened with her data key (a version 1 event's are clear); none once she is erased. */
  private async notesOf(
    clientId: string,
    data: CounselingSessionRecordedData,
  ): Promise<Pick<CounselingSessionItem, 'notes' | 'notesErased'>> {
    if (data.sealedNotes === undefined) return data.notes ? { notes: data.notes } : {};
    const opened = await this.vault.openFields<CounselingNotesFields>(clientId, data.sealedNotes);
    return opened.status === 'open' ? { notes: opened.fields.notes } : { notesErased: true };
  }
}
