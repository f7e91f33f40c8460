import type { AppendResult, EventMetadata, EventStore } from '@saeil/event-store';

/**
 * centerOf() for commands whose center is the record's own (her case's center, the program's
 * center), which only the handler knows after reading it: the handler replaces it with
 * `actingFor`. It never reaches an event.
 */
export const CENTER_OF_THE_RECORD = 'center-of-the-record';

export function actingFor(metadata: EventMetadata, centerId: string | undefined): EventMetadata {
  return centerId ? { ...metadata, centerId } : metadata;
}

/**
 * An id generated for the new event (session, plan): on a repeated Idempotency-Key nothing was
 * appended now, so the id is the one the first request wrote, read back from the store.
 */
export async function idWritten(store: EventStore, result: AppendResult, field: string, generated: string): Promise<string> {
  if (!result.duplicate) return generated;
  const first = await store.readEvent(result.globalPosition);
  return String((first?.data as Record<string, unknown> | undefined)?.[field] ?? generated);
}
