/**
 * Read-your-writes: every command answers the event-store `position` it wrote at; the queries
 * after it pass the highest one as `minPosition`, so the read models have applied the command
 * before they answer and a saved form shows its result at once.
 */
let highest = 0;

export function notePosition(position: number | undefined | null): void {
  if (typeof position === 'number' && position > highest) highest = position;
}

/** `{ minPosition }` to spread into a query's parameters, or nothing before any command. */
export function minPositionParam(): { minPosition?: number } {
  return highest > 0 ? { minPosition: highest } : {};
}
