import { ApiProperty } from '@nestjs/swagger';
import type { Request } from 'express';
import { CENTER_FROM_RECORD, OutOfScope } from '@saeil/core';
import {
  PrefetchedStreams,
  withPrefetchedStreams,
  type AppendResult,
  type EventMetadata,
  type EventStore,
} from '@saeil/event-store';
import type { Metrics } from '@saeil/observability';
import { callerOf, commandMetadata, RequestCaller } from './request-context';
import { timed } from './timed';

/**
 * Who may send a command, whichever door it comes through: the roles admitted (see the groups in
 * @saeil/identity's roles.ts), and the records it names by DTO field (a path id or a body field:
 * one id or a list) that must belong to a center the caller reaches, else 404.
 */
export interface CommandAccess {
  roles: readonly string[];
  records?: readonly {
    kind: string;
    field: string;
    /**
     * A woman (kind 'client') is also within reach while she is enrolled in the course this DTO
     * field names and that course is: the center running a course keeps recording attendance,
     * completion, a certificate or a dropout for a trainee whose case moved to another center.
     */
    enrolledIn?: string;
  }[];
  /**
   * The caller must answer for the level the command names (`levelOf`), not merely reach it: a
   * Ministry report is submitted by its center's supervisor, its region's supervisor, the Ministry.
   */
  submitsLevel?: boolean;
}

/**
 * A DTO field that names something the command does not act on but points to — the center a case
 * moves to, the retention program a follow-up counts toward, the counselor who carries her case.
 * What it names must exist and be one the caller's center may use, else the command is refused
 * with 422 REFERENCE_NOT_FOUND naming the field (`details.field`), and nothing is appended. An
 * absent optional field is not checked.
 * Kinds: `center` (listed in the centers directory, config/centers.json), `retentionProgram`,
 * `agreement`, `course` (a record of a center the caller reaches), `employer` (registered: one per
 * business registration number, shared by every center), `counselor` (one id or a list: each an
 * enabled counselor or supervisor account of the center `within` names).
 */
export interface CommandReference {
  kind: 'center' | 'retentionProgram' | 'employer' | 'agreement' | 'course' | 'counselor';
  field: string;
  /**
   * For a `counselor`: the center she must work at — the center a DTO field names
   * (`{ centerField }`: a registration's, a transfer's new center) or her case's center, for the
   * woman a DTO field names (`{ clientField }`). Without it a counselor reference is refused.
   */
  within?: ReferenceCenter;
}

export type ReferenceCenter = { centerField: string } | { clientField: string };

/**
 * One command as both doors see it: the HTTP controller and the Kafka command topic validate the
 * same DTO class, authorize the same way (`access`) and hand the same command object to the same
 * @nestjs/cqrs handler.
 */
export interface CommandDefinition<D extends object = any> {
  /** Name on the command topic, e.g. 'RegisterClient'. */
  type: string;
  dto: new () => D;
  /** Who may send it (both doors check it; the HTTP route takes it with `@CommandRoute`). */
  access: CommandAccess;
  /** What its fields refer to (checked on both doors after validation, `requireReferences`). */
  references?: readonly CommandReference[];
  /**
   * The center the command acts for (goes into the events' metadata), when the DTO says. Left
   * out when only the record knows it (her case, the program, the agreement): both doors then
   * put CENTER_FROM_RECORD in the metadata and the handler replaces it (see `actingFor`).
   */
  centerOf?(dto: D): string;
  /**
   * For a command about a level's figures rather than one center (the Ministry report): the level
   * and id the caller must reach, checked instead of `centerOf`.
   */
  levelOf?(dto: D): { level: string; id?: string };
  /** When it happened, if the DTO says (counselors record late). */
  occurredAtOf?(dto: D): string | undefined;
  /** The @nestjs/cqrs command instance its handler takes. */
  build(dto: D, metadata: EventMetadata): object;
}

/**
 * A command naming its center in the body (a registration, a course, an agreement) may only name
 * one the caller works for, a report only a level she reaches (403 OUT_OF_SCOPE); the records it
 * names by id were checked before (the guard, or the command topic's authorizer). Both doors.
 */
export function requireCommandScope<D extends object>(
  definition: CommandDefinition<D>,
  dto: D,
  caller: Pick<RequestCaller, 'coversCenter' | 'coversLevel' | 'answersFor'>,
): void {
  const level = definition.levelOf?.(dto);
  if (
    level
      ? !caller.coversLevel(level.level, level.id)
      : definition.centerOf && !caller.coversCenter(definition.centerOf(dto))
  )
    throw new OutOfScope(level ? 'id' : 'centerId');
  if (level && definition.access.submitsLevel && !caller.answersFor(level.level, level.id))
    throw new OutOfScope('level', '이 수준의 보고서는 제출할 수 없습니다.');
}

/**
 * The references the definition declares, each checked by the caller's door (identity's
 * AccessResolver): both doors call this after validation and `requireCommandScope`.
 */
export async function requireReferences<D extends object>(
  definition: CommandDefinition<D>,
  dto: D,
  caller: Pick<RequestCaller, 'requireReference'>,
): Promise<void> {
  for (const reference of definition.references ?? []) {
    const value = (dto as Record<string, unknown>)[reference.field];
    if (value !== undefined && value !== null) await caller.requireReference(reference, value, dto);
  }
}

/** metadata.centerId as the definition gives it, or CENTER_FROM_RECORD for the handler to replace. */
export function centerIdOf<D extends object>(definition: CommandDefinition<D>, dto: D): string {
  return definition.centerOf ? definition.centerOf(dto) : CENTER_FROM_RECORD;
}

/**
 * The HTTP door: metadata from the request's headers, the definition's command to the bus,
 * latency recorded by outcome. Controllers call this so both doors stay the same path.
 */
export async function executeFromHttp<D extends object, R>(
  commandBus: { execute(command: never): Promise<unknown> },
  metrics: Metrics,
  definition: CommandDefinition<D>,
  dto: D,
  req: Request,
): Promise<R> {
  const centerId = centerIdOf(definition, dto);
  requireCommandScope(definition, dto, callerOf(req));
  // The streams the guard read to scope the records this command names: its references and its
  // handler read them from there instead of again (see PrefetchedStreams).
  return withPrefetchedStreams(PrefetchedStreams.of(req), async () => {
    await requireReferences(definition, dto, callerOf(req));
    const metadata = commandMetadata(req, centerId, definition.occurredAtOf?.(dto));
    return timed(
      metrics,
      definition.type,
      () => commandBus.execute(definition.build(dto, metadata) as never) as Promise<R>,
    );
  });
}

/**
 * The metadata of a command acting for the center of the record it writes to (her case's center,
 * the program's, the agreement's), read by the handler. Unchanged when the record is unknown: the
 * decider then answers 404 and nothing is appended.
 */
export function actingFor(metadata: EventMetadata, centerId: string | undefined): EventMetadata {
  return centerId ? { ...metadata, centerId } : metadata;
}

/** What every command answers besides its ids (a class: it is the documented response body too). */
export class CommandResult {
  @ApiProperty({
    description: 'Version of the stream written (her case, the course, the program …) after this command',
  })
  streamVersion: number;
  /** Global position written: pass it as `minPosition` to read your own write. */
  @ApiProperty({ description: 'Global position written: pass it as `minPosition` to a query to read your own write' })
  position: number;
  /** True when an idempotency key matched an earlier request: nothing was appended now. */
  @ApiProperty({
    description:
      'True when an Idempotency-Key matched an earlier request (or the record was already there): nothing was recorded now',
  })
  duplicate: boolean;
}

export const commandResult = (result: AppendResult): CommandResult => ({
  streamVersion: result.streamVersion,
  position: result.globalPosition,
  duplicate: result.duplicate,
});

/**
 * An id the handler generated for the new record (session, plan, placement, the stream's own
 * id …). On a repeated Idempotency-Key nothing was appended now: the id is the one the first
 * request wrote, read back from the last event it appended.
 */
export async function idWritten(
  store: Pick<EventStore, 'readEvent'>,
  result: AppendResult,
  field: string,
  generated: string,
): Promise<string> {
  if (!result.duplicate) return generated;
  const first = await store.readEvent(result.globalPosition);
  const written = (first?.data as Record<string, unknown> | undefined)?.[field];
  return typeof written === 'string' ? written : generated;
}
