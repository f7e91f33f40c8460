import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LeaderLock, Notifications, Waker } from '@saeil/database';
import { MINISTRY_STATS_TOPIC, MinistryReportSubmittedV1 } from '@saeil/contracts';
import { EventStore, readCheckpoint, StoredEvent, writeCheckpoint } from '@saeil/event-store';
import type { MessageBus, OutgoingMessage } from '@saeil/messaging';

export const MINISTRY_STATS_CHECKPOINT = 'feed:ministry-stats';
// Another key than the outbox relay's (7411002): both lead independently.
const MINISTRY_STATS_LOCK_KEY = 7411041;

/** The dashboard topic with the installation's prefix (like every topic in libs/messaging Topics). */
export const ministryStatsTopic = (prefix: string): string => `${prefix}${MINISTRY_STATS_TOPIC}`;

/** `<level>:<scopeId|nation>:<period>`: every version of one report lands on one partition, in order. */
export const ministryStatsKey = (data: Pick<MinistryReportSubmittedV1, 'level' | 'scopeId' | 'period'>): string => `${data.level}:${data.scopeId ?? 'nation'}:${data.period}`;

export function toStatsMessage(topic: string, event: StoredEvent): OutgoingMessage {
  const data = event.data as unknown as MinistryReportSubmittedV1;
  const value: MinistryReportSubmittedV1 = {
    reportId: data.reportId,
    level: data.level,
    ...(data.scopeId !== undefined ? { scopeId: data.scopeId } : {}),
    period: data.period,
    version: data.version,
    asOfPosition: data.asOfPosition,
    figures: data.figures,
    contentHash: data.contentHash,
    submittedOn: data.submittedOn,
  };
  return {
    topic,
    key: ministryStatsKey(data),
    value: JSON.stringify(value),
    headers: {
      'event-id': event.eventId,
      'event-type': event.type,
      'schema-version': String(event.schemaVersion),
      'correlation-id': event.metadata.correlationId,
      'global-position': String(event.globalPosition),
      'stream-version': String(event.streamVersion),
      'content-hash': data.contentHash,
    },
  };
}

export interface PublisherOptions {
  batchSize: number;
  pollIntervalMs: number;
}

/**
 * Publishes every submitted Ministry report to `saeil.ministry.stats.v1`, so the Ministry
 * dashboard reads aggregates and never the case database. It follows the event store in commit
 * order like the outbox relay: publish (acks = -1), then move its own checkpoint; a crash in
 * between sends the batch again (the dashboard keeps the last message per key and version), so
 * no submitted report is ever lost. One publisher at a time (advisory lock).
 */
export class MinistryStatsPublisher {
  private running = false;
  private loop?: Promise<void>;
  private readonly waker = new Waker();
  private unsubscribe?: () => void;
  private readonly lock: LeaderLock;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly bus: MessageBus,
    readonly topic: string,
    private readonly notifications: Notifications,
    private readonly logger: Logger,
    private readonly options: PublisherOptions,
    databaseUrl: string,
  ) {
    this.lock = new LeaderLock(databaseUrl, MINISTRY_STATS_LOCK_KEY);
  }

  private topicReady = false;

  async start(): Promise<void> {
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

  /** Follows one batch of the store; returns how many events it passed (published or not). */
  async publishBatch(): Promise<number> {
    if (!this.topicReady) {
      // Here rather than at start, so a slow broker delays the feed, never the process's start.
      await this.bus.ensureTopics([{ topic: this.topic }]);
      this.topicReady = true;
    }
    const checkpoint = await readCheckpoint(this.dataSource, MINISTRY_STATS_CHECKPOINT);
    const events = await this.store.readAll(checkpoint, this.options.batchSize);
    if (events.length === 0) return 0;
    const submitted = events.filter((e) => e.type === 'MinistryReportSubmitted');
    if (submitted.length > 0) await this.bus.publish(submitted.map((e) => toStatsMessage(this.topic, e)));
    const last = events[events.length - 1];
    await writeCheckpoint(this.dataSource, MINISTRY_STATS_CHECKPOINT, { transactionId: last.transactionId, globalPosition: last.globalPosition });
    if (submitted.length > 0) this.logger.info({ reports: submitted.map((e) => e.streamId), topic: this.topic }, 'Ministry report figures published');
    return events.length;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (!(await this.lock.tryAcquire())) {
          await this.waker.sleep(this.options.pollIntervalMs * 4);
          continue;
        }
        const passed = await this.publishBatch();
        failures = 0;
        if (passed < this.options.batchSize) await this.waker.sleep(this.options.pollIntervalMs);
      } catch (error) {
        failures += 1;
        // Kafka or PostgreSQL away: reports stay in the store; we catch up from the checkpoint later.
        this.logger.warn({ err: error, failures }, 'Ministry stats publisher batch failed; retrying');
        await this.waker.sleep(Math.min(30000, 250 * 2 ** Math.min(failures, 7)));
      }
    }
  }
}
