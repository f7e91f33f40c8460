import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { Checkpoint, EventStore, eventsAfter, readCheckpoint, StoredEvent, writeCheckpoint } from '@saeil/event-store';
import { backOffAfterFailure, followerPause, LeaderLock, Notifications, Waker } from '@saeil/database';
import { Metrics } from '@saeil/observability';
import { MessageBus } from './message-bus.port';
import { Topics } from './topics';
import { toMessage } from './envelope';
import { readPublishedTail } from './published-tail';

export const RELAY_CHECKPOINT = 'relay:kafka';
const RELAY_LOCK_KEY = 7411002;

export interface RelayOptions {
  batchSize: number;
  pollIntervalMs: number;
}

/**
 * The transactional outbox: the events table is the outbox. The relay follows it in commit
 * order, publishes each batch with acks = -1 and only then moves its checkpoint, so no event is
 * ever lost. One relay runs at a time (advisory lock) with one batch in flight; another worker
 * takes over if it dies.
 *
 * Each event reaches its topic exactly once: a crash (or a failed send, or a checkpoint that
 * could not be written) can leave the batch in flight wholly or partly on Kafka with the
 * checkpoint before it. So whenever the relay takes over, and after any failure, it first reads
 * the end of the partitions the next batch goes to (`readPublishedTail`) and passes over the
 * events it finds there. Re-reading after the checkpoint gives the same events first (commit
 * order below the snapshot's xmin never changes behind a reader). Between takeovers a batch
 * costs what it always did.
 */
export class OutboxRelay {
  /** True at takeover and after a failure: what the last send left on Kafka is unknown. */
  private checkKafkaFirst = true;
  /** Events past the checkpoint found on Kafka at takeover; passed over (and forgotten) as the batches reach them. */
  private alreadyOnKafka = new Set<string>();
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

  /**
   * Relays one batch; returns how many events the checkpoint passed (sent now, or found on Kafka
   * already). Exposed for tests and the bench.
   */
  async publishBatch(): Promise<number> {
    const checkpoint = await readCheckpoint(this.dataSource, RELAY_CHECKPOINT);
    const events = await this.store.readAll(checkpoint, this.options.batchSize);
    if (events.length === 0) return 0;
    if (this.checkKafkaFirst) await this.resume(checkpoint, events);
    const unsent =
      this.alreadyOnKafka.size === 0 ? events : events.filter((e) => !this.alreadyOnKafka.delete(e.eventId));
    try {
      await this.bus.publish(unsent.map((e) => toMessage(this.topics.events(e.context), e)));
      await this.moveCheckpoint(events[events.length - 1]);
    } catch (error) {
      this.checkKafkaFirst = true;
      throw error;
    }
    this.metrics.relayPublished.inc(unsent.length);
    if (unsent.length < events.length) this.metrics.relayAlreadyPublished.inc(events.length - unsent.length);
    return events.length;
  }

  /** Separate so a test can stop a relay between its send and its checkpoint, as a crash does. */
  protected async moveCheckpoint(last: StoredEvent): Promise<void> {
    await writeCheckpoint(this.dataSource, RELAY_CHECKPOINT, {
      transactionId: last.transactionId,
      globalPosition: last.globalPosition,
    });
  }

  /**
   * Before the first batch after a takeover or a failure: which of the events past the checkpoint
   * are on their topics already. A batch in flight went to the topics of the events read now (the
   * same events come first), so only those topics are read. Kafka unreachable: this throws, and
   * the relay tries again later; it never sends without having looked.
   */
  private async resume(checkpoint: Checkpoint, next: StoredEvent[]): Promise<void> {
    const started = Date.now();
    const topics = [...new Set(next.map((e) => this.topics.events(e.context)))].sort();
    const tail = await readPublishedTail(this.bus, topics, checkpoint, this.options.batchSize);
    this.alreadyOnKafka = tail.eventIds;
    this.checkKafkaFirst = false;
    this.logger.info(
      {
        alreadyOnKafka: tail.eventIds.size,
        topics,
        partitions: tail.partitions,
        messagesRead: tail.messagesRead,
        ms: Date.now() - started,
      },
      `relay resumed: ${tail.eventIds.size} events already on Kafka skipped`,
    );
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
    let unsafeRetries = 0;
    while (this.running) {
      try {
        const wasLeader = this.lock.held;
        if (!(await this.lock.tryAcquire())) {
          await this.sleep(this.options.pollIntervalMs * 4);
          continue;
        }
        // Leadership (re)gained: another relay may have sent a batch without moving the checkpoint.
        if (!wasLeader) this.checkKafkaFirst = true;
        const sent = await this.publishBatch();
        failures = 0;
        if (sent < this.options.batchSize) {
          // Committed events it could not take yet (behind an open transaction): look again soon.
          const waiting = await this.lag().catch(() => 0);
          unsafeRetries = waiting > 0 ? unsafeRetries + 1 : 0;
          await this.sleep(followerPause(waiting, unsafeRetries, this.options.pollIntervalMs));
        } else {
          unsafeRetries = 0;
        }
      } catch (error) {
        failures += 1;
        // Kafka or PostgreSQL away: commands keep being accepted into the store; we catch up later.
        await backOffAfterFailure(
          this.waker,
          Math.min(30000, 250 * 2 ** Math.min(failures, 7)),
          () => this.running,
          () => this.logger.warn({ err: error, failures }, 'outbox relay batch failed; retrying'),
        );
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return this.waker.sleep(ms);
  }
}
