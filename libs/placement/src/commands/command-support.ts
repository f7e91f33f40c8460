import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsString, Matches } from 'class-validator';
import { validateDto } from '@saeil/core';
import type { EventMetadata, EventStore } from '@saeil/event-store';
import type { CaseState } from '@saeil/intake';

/** A calendar date (YYYY-MM-DD) that exists. */
export const IsDateOnly = (field: string) =>
  applyDecorators(IsString(), Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be YYYY-MM-DD` }), IsISO8601({ strict: true }, { message: `${field} must be a valid date` }));

/** The day in Korea, for "not in the future" checks (a counselor at 08:00 KST is still on UTC's yesterday). */
export function todayInKorea(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** metadata.occurredAt of a command dated by a day. */
export const occurredAtOfDay = (day: string): string => `${day}T00:00:00.000Z`;

/**
 * Commands about a client act for her center, which only her case knows: the definition's
 * centerOf answers this placeholder and the handler puts her current center in the metadata
 * before anything is appended.
 */
export const CENTER_OF_HER_CASE = 'center-of-her-case';

export function atHerCenter(metadata: EventMetadata, herCase: CaseState): EventMetadata {
  return { ...metadata, centerId: herCase.centerId ?? metadata.centerId };
}

/** The HTTP door's command: the body (already validated) with the ids from the path, validated as the Kafka door validates it. */
export function withPathIds<D extends object>(dto: new () => D, body: object, ids: Record<string, string>): D {
  return validateDto(dto, { ...body, ...ids });
}

/**
 * On a repeated idempotency key nothing is appended and the store answers the first result:
 * the id the first command created is read back from the event it wrote.
 */
export async function idWrittenAt(store: EventStore, streamId: string, streamVersion: number, field: string): Promise<string> {
  const [event] = await store.readStream(streamId, streamVersion);
  return String((event?.data as Record<string, unknown> | undefined)?.[field]);
}
