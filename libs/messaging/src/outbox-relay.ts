import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { EventStore, eventsAfter, readCheckpoint, writeCheckpoint } from '@saeil/event-store';
import { LeaderLock, Notifications, Waker } from '@saeil/database';
import { Metrics } from '@saeil/observability';
import { MessageBus } from './message-bus.port';
import { Topics } from './topics';
import { toMessage } from './envelope';

export const RELAY_CHECKPOINT = 'relay:kafka';
const RELAY_LOCK_KEY = 7411002;

export interface RelayOptions {
  batchSize: number;
  pollIntervalMs: number;
}

/**
 * The transactional outbox: the events table is the outbox. The relay follows it in commit
 * order, publishes each batch with acks = -1 and only then moves its checkpoint, so a crash
 * between the two means the batch is sent again (consumers deduplicate), never that an event
 * is lost. One relay runs at a time (advisory lock); another worker takes over if it dies.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private readonly waker = new Waker();
  private unsubscribe?: () => void;
  private readonly lock: LeaderLock;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly bus: MessageBus,
    private readonly topics: Topics,
    private readonly notifications: Notifications,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    private readonly options: RelayOptions,
    databaseUrl: string,
  ) {
    this.lock = new LeaderLock(databaseUrl, RELAY_LOCK_KEY);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.notifications.subscribe(() => this.waker.wake());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.waker.wake();
    this.unsubscribe?.();
    await this.loop;
    await this.lock.release();
  }

  /** Publishes one batch; returns how many events it sent. Exposed for tests and the bench. */
  async publishBatch(): Promise<number> {
    const checkpoint = await readCheckpoint(this.dataSource, RELAY_CHECKPOINT);
    const events = await this.store.readAll(checkpoint, this.options.batchSize);
    if (events.length === 0) return 0;
    await this.bus.publish(events.map((e) => toMessage(this.topics.events(e.context), e)));
    const last = events[events.length - 1];
    await writeCheckpoint(this.dataSource, RELAY_CHECKPOINT, { transactionId: last.transactionId, globalPosition: last.globalPosition });
    this.metrics.relayPublished.inc(events.length);
    return events.length;
  }

  async lag(): Promise<number> {
    const lag = await eventsAfter(this.dataSource, await readCheckpoint(this.dataSource, RELAY_CHECKPOINT));
    this.metrics.relayLag.set(lag);
    return lag;
  }

  get isLeader(): boolean {
    return this.lock.held;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (!(await this.lock.tryAcquire())) {
          await this.sleep(this.options.pollIntervalMs * 4);
          continue;
        }
        const sent = await this.publishBatch();
        failures = 0;
        if (sent < this.options.batchSize) {
          this.lag().catch(() => undefined);
          await this.sleep(this.options.pollIntervalMs);
        }
      } catch (error) {
        failures += 1;
        // Kafka or PostgreSQL away: commands keep being accepted into the store; we catch up later.
        this.logger.warn({ err: error, failures }, 'outbox relay batch failed; retrying');
        await this.sleep(Math.min(30000, 250 * 2 ** Math.min(failures, 7)));
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return this.waker.sleep(ms);
  }
}
