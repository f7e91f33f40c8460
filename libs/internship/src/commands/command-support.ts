import { ValidationFailed, validateDto, NotFound } from '@saeil/core';
import { AppendResult, EventMetadata, EventStore, handleCommand } from '@saeil/event-store';
import { INTERNSHIP_CONTEXT, InternshipStartedV1, internshipStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import type { QueryRunner } from 'typeorm';
import { InternshipCommand, internshipDecider } from '../domain/internship.decider';

/** Today in Korea (YYYY-MM-DD): what "in the future" is measured against. */
export function todayInKorea(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day something happened (YYYY-MM-DD, Korean time) as the metadata's occurredAt. */
export function occurredAtOfDay(day: string): string {
  return new Date(`${day}T00:00:00+09:00`).toISOString();
}

/**
 * The DTO of a command whose id is in the URL: the same DTO the Kafka command topic validates,
 * with the path id filled in, so a malformed id is a 400 on that field. A body naming the id
 * differently from the URL is refused rather than silently overridden.
 */
export function dtoWithPathIds<D extends object>(dto: new () => D, body: unknown, ids: Record<string, string>): D {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return validateDto(dto, body);
  const given = body as Record<string, unknown>;
  const mismatched = Object.keys(ids).filter((field) => field in given && given[field] !== ids[field]);
  if (mismatched.length > 0) {
    throw new ValidationFailed(mismatched.map((field) => ({ field, code: 'pathMismatch', message: `${field} is taken from the URL; leave it out of the body` })));
  }
  return validateDto(dto, { ...given, ...ids });
}

/**
 * The center an internship command acts for is the one holding her case, known only once the
 * case is read: definitions leave it empty and the handler fills it in (a command refused before
 * that appends nothing, so the empty value is never stored).
 */
export const CENTER_FROM_CASE = '';

export interface InternshipResult {
  internshipId: string;
  clientId: string;
  streamVersion: number;
  /** Global position written: pass it as `minPosition` to read your own write. */
  position: number;
  duplicate: boolean;
}

type WithoutContext<C> = C extends unknown ? Omit<C, 'internshipId' | 'case' | 'today'> : never;

/**
 * For commands on an existing internship: read it (404 when unknown) to find whose it is, load
 * her case, then decide and append at the version read, guarded by her case.
 */
export async function decideOnInternship(
  store: EventStore,
  /** The validated DTO: its id, and the request an idempotency key is checked against. */
  input: { internshipId: string },
  command: WithoutContext<Exclude<InternshipCommand, { type: 'StartInternship' }>>,
  metadata: EventMetadata,
  inTransaction?: (runner: QueryRunner) => Promise<void>,
): Promise<InternshipResult> {
  const streamId = internshipStreamId(input.internshipId);
  const history = await store.readStream(streamId);
  if (history.length === 0) throw new NotFound('새일여성인턴', input.internshipId);
  const { clientId } = history[0].data as unknown as InternshipStartedV1;
  const loaded = await loadCase(store, clientId);
  const result: AppendResult = await handleCommand(store, internshipDecider, {
    streamId,
    context: INTERNSHIP_CONTEXT,
    command: { ...command, internshipId: input.internshipId, case: loaded.state, today: todayInKorea() } as InternshipCommand,
    metadata: { ...metadata, centerId: loaded.state.centerId ?? metadata.centerId },
    idempotency: metadata.idempotencyKey ? { key: metadata.idempotencyKey, commandType: command.type, request: input } : undefined,
    expectedVersion: history[history.length - 1].streamVersion,
    guards: [loaded.guard],
    inTransaction,
  });
  return { internshipId: input.internshipId, clientId, streamVersion: result.streamVersion, position: result.globalPosition, duplicate: result.duplicate };
}
