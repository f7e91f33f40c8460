import { Injectable, Optional, SetMetadata } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { currentPrefetchedStreams, EventStore, StoredEvent } from '@saeil/event-store';
import {
  agreementStreamId,
  budgetPlanStreamId,
  clientStreamId,
  courseStreamId,
  employerStreamId,
  groupProgramStreamId,
  internshipStreamId,
  kpiPlanStreamId,
  retentionProgramStreamId,
} from '@saeil/contracts';

/**
 * Kinds of record a route can name by id, each with the stream that holds it. The label is the
 * one the record's own handlers and deciders use in their 404: the guard answers for a missing
 * record and for another center's alike, so both must read the same.
 */
export const RECORD_KINDS = {
  client: { label: '구직자', stream: clientStreamId },
  course: { label: '직업교육훈련 과정', stream: courseStreamId },
  groupProgram: { label: '집단상담 프로그램', stream: groupProgramStreamId },
  retentionProgram: { label: '사후관리 프로그램', stream: retentionProgramStreamId },
  agreement: { label: '협약', stream: agreementStreamId },
  internship: { label: '새일여성인턴', stream: internshipStreamId },
  kpiPlan: { label: '확인지표 계획', stream: kpiPlanStreamId },
  budgetPlan: { label: '예산 계획', stream: budgetPlanStreamId },
  employer: { label: '구인업체', stream: employerStreamId },
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;

/**
 * Where a route carries a record id: a path parameter, a body field (a string or a list of them),
 * or a command's DTO field (`field`: the path parameter of that name, else the body field).
 */
export interface ScopedRecordRef {
  kind: RecordKind;
  param?: string;
  body?: string;
  field?: string;
  /**
   * For a woman (kind 'client'): she is also within reach while she is enrolled in the course
   * this field names (read as `field` is: the path parameter, else the body field) and that
   * course is within reach. The center running a course keeps recording for a trainee whose case
   * was transferred to another center; it still cannot read her case.
   */
  enrolledIn?: string;
}

export const SCOPED_RECORDS_KEY = 'saeil:scoped-records';

/**
 * The records this route names must belong to a center the caller reaches; a record of another
 * center answers 404 exactly as a missing one does (never the data, nor that it exists). The
 * guard checks before the body is validated or the handler reads anything.
 *
 *   @ScopedRecords({ kind: 'client', param: 'clientId' })
 */
export const ScopedRecords = (...refs: ScopedRecordRef[]) => SetMetadata(SCOPED_RECORDS_KEY, refs);

/**
 * The center a record belongs to now, from the event store (so a record written a moment ago is
 * known: read models lag). Unknown record: undefined, which the resolver refuses (404) as it
 * refuses another center's record. `id` must be canonical (the resolver checks before asking).
 * - a client: the last center her registration or a transfer named;
 * - an internship: her case's, since it follows her (a transfer takes it along);
 * - any other record (a course, a program, an agreement, a KPI or budget plan): the center that created it,
 *   from its first event. Later events may act for another center (a course's enrollment acts
 *   for the woman's center), so the latest event's center is not the owner.
 */
@Injectable()
export class RecordCenters {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() private readonly store?: EventStore,
  ) {}

  /**
   * Inside a command's scope (`PrefetchedStreams`: the guard of a command route), the record's whole
   * stream is read — one round trip, as the single row was — and kept for the handler, whose own
   * read of it then costs none. Elsewhere (queries, the Kafka door) only the row needed is read.
   */
  async centerOf(kind: RecordKind, id: string): Promise<string | undefined> {
    const streamId = RECORD_KINDS[kind].stream(id);
    const history = await this.prefetch(streamId);
    if (history) {
      if (kind === 'client') return clientCenterIn(history);
      const [first] = history;
      if (!first) return undefined;
      const clientId = (first.data as { clientId?: unknown }).clientId;
      if (kind === 'internship' && typeof clientId === 'string')
        return (await this.centerOf('client', clientId)) ?? first.metadata.centerId ?? undefined;
      return first.metadata.centerId ?? undefined;
    }
    if (kind === 'client') return this.clientCenter(streamId);
    const [first]: { center_id: string | null; client_id: string | null }[] = await this.dataSource.query(
      `SELECT metadata->>'centerId' AS center_id, data->>'clientId' AS client_id FROM events WHERE stream_id = $1 AND stream_version = 1`,
      [streamId],
    );
    if (!first) return undefined;
    if (kind === 'internship' && first.client_id)
      return (await this.clientCenter(clientStreamId(first.client_id))) ?? first.center_id ?? undefined;
    return first.center_id ?? undefined;
  }

  /** Whether she was ever enrolled in the course (completed and dropped-out trainees included). */
  async isEnrolled(courseId: string, clientId: string): Promise<boolean> {
    const history = await this.prefetch(courseStreamId(courseId));
    if (history)
      return history.some(
        (e) => e.type === 'TrainingEnrolled' && (e.data as { clientId?: unknown }).clientId === clientId,
      );
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM events WHERE stream_id = $1 AND event_type = 'TrainingEnrolled' AND data->>'clientId' = $2 LIMIT 1`,
      [courseStreamId(courseId), clientId],
    );
    return rows.length > 0;
  }

  /** The stream's history when a command's scope keeps streams for its handler (read now if not kept yet). */
  private async prefetch(streamId: string): Promise<StoredEvent[] | undefined> {
    const streams = currentPrefetchedStreams();
    if (!streams || !this.store) return undefined;
    const kept = streams.peek(streamId);
    if (kept) return kept;
    const history = await this.store.readStream(streamId);
    if (history.length > 0) streams.offer(streamId, history);
    return history;
  }

  private async clientCenter(streamId: string): Promise<string | undefined> {
    const rows: { center_id: string | null }[] = await this.dataSource.query(
      `SELECT data->>'centerId' AS center_id FROM events
        WHERE stream_id = $1 AND event_type IN ('ClientRegistered', 'CounselorAssigned')
        ORDER BY stream_version DESC LIMIT 1`,
      [streamId],
    );
    return rows[0]?.center_id ?? undefined;
  }
}

/** Her center in her stream: the last one her registration or a transfer (CounselorAssigned) named. */
function clientCenterIn(history: StoredEvent[]): string | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const event = history[i];
    if (event.type === 'ClientRegistered' || event.type === 'CounselorAssigned') {
      const centerId = (event.data as { centerId?: unknown }).centerId;
      return typeof centerId === 'string' ? centerId : undefined;
    }
  }
  return undefined;
}
