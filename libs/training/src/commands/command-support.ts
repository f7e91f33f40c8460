import { randomUUID } from 'node:crypto';
import { ValidationFailed, validateDto } from '@saeil/core';
import { AppendResult, EventMetadata, EventStore, handleCommand } from '@saeil/event-store';
import { courseStreamId, TRAINING_CONTEXT } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { CourseCommand, courseDecider } from '../domain/course.decider';

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
 * The center a trainee command acts for is the one holding her case, known only once the case
 * is read: definitions leave it empty and the handler fills it in (a command refused before that
 * appends nothing, so the empty value is never stored).
 */
export const CENTER_FROM_CASE = '';

export interface TraineeResult {
  courseId: string;
  clientId: string;
  streamVersion: number;
  /** Global position written: pass it as `minPosition` to read your own write. */
  position: number;
  duplicate: boolean;
}

type TraineeCommandInput = { courseId: string; clientId: string };
type WithoutContext<C> = C extends unknown ? Omit<C, 'courseId' | 'clientId' | 'case' | 'today'> : never;

/**
 * Load her case → decide on the course → append to the course stream, guarded by her case: a
 * case closed (or consent withdrawn) meanwhile makes it a 409, and so does another enrollment
 * in the same course written meanwhile (the capacity is never exceeded).
 */
export async function decideForTrainee(
  store: EventStore,
  /** The validated DTO: its ids, and the request an idempotency key is checked against. */
  input: TraineeCommandInput,
  command: WithoutContext<Exclude<CourseCommand, { type: 'CreateCourse' }>>,
  metadata: EventMetadata,
): Promise<TraineeResult> {
  const loaded = await loadCase(store, input.clientId);
  const result: AppendResult = await handleCommand(store, courseDecider, {
    streamId: courseStreamId(input.courseId),
    context: TRAINING_CONTEXT,
    command: { ...command, courseId: input.courseId, clientId: input.clientId, case: loaded.state, today: todayInKorea() } as CourseCommand,
    metadata: { ...metadata, centerId: loaded.state.centerId ?? metadata.centerId },
    idempotency: metadata.idempotencyKey ? { key: metadata.idempotencyKey, commandType: command.type, request: input } : undefined,
    guards: [loaded.guard],
  });
  return { courseId: input.courseId, clientId: input.clientId, streamVersion: result.streamVersion, position: result.globalPosition, duplicate: result.duplicate };
}

export const newCourseId = (): string => randomUUID();
