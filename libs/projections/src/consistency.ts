import { DataSource } from 'typeorm';
import { EventStore } from '@saeil/event-store';
import { positionsKey, Projection } from './projection';

/**
 * Read-your-writes: a command answers with the global position it wrote; a query may pass it
 * back and wait (bounded) until the read model has applied that event. Only the written
 * stream's position is checked, so this works the same fed from the store or from Kafka.
 */
export class ReadModelConsistency {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {}

  async hasReached(projection: Projection, position: number): Promise<boolean> {
    const target = await this.target(projection, position);
    return target ? this.applied(projection, target) : false;
  }

  /** Resolves true once reached, false when `timeoutMs` ran out first. */
  async waitFor(projection: Projection, position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    // The written event is looked up until it is visible, then only the projection is polled.
    let target: Target | undefined;
    for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
      target ??= await this.target(projection, position);
      if (target && (await this.applied(projection, target))) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(0, deadline - Date.now()))));
    }
  }

  /**
   * The stream the position belongs to and the last event of it, up to the position, that the
   * projection applies; 'none' when it applies none of them. An ignored event (her consent) must
   * still wait for the earlier ones of her stream it does apply (her registration).
   */
  private async target(projection: Projection, position: number): Promise<Target | undefined> {
    const event = await this.store.readEvent(position);
    if (!event) return undefined;
    if (projection.eventTypes.includes(event.type)) return { streamId: event.streamId, position };
    const [{ applied }]: { applied: string | null }[] = await this.dataSource.query(
      `SELECT max(global_position) AS applied FROM events WHERE stream_id = $1 AND global_position < $2 AND event_type = ANY($3)`,
      [event.streamId, position, projection.eventTypes],
    );
    return applied === null ? 'none' : { streamId: event.streamId, position: Number(applied) };
  }

  private async applied(projection: Projection, target: Target): Promise<boolean> {
    if (target === 'none') return true;
    const rows: { global_position: string }[] = await this.dataSource.query(
      `SELECT global_position FROM projection_stream_positions WHERE projection = $1 AND stream_id = $2`,
      [positionsKey(projection.name, 'live'), target.streamId],
    );
    return rows.length > 0 && Number(rows[0].global_position) >= target.position;
  }
}

type Target = { streamId: string; position: number } | 'none';
