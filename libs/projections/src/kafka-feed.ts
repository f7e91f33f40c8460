import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { StoredEvent } from '@saeil/event-store';
import { fromMessage, IncomingMessage, MessageBus, Subscription, Topics } from '@saeil/messaging';
import { FAILURE_REPORT_GRACE_MS } from '@saeil/database';
import { Metrics } from '@saeil/observability';
import { DeadLetter, ProjectionRunner } from './projection-runner';

/**
 * Kafka mode: each projection is a consumer group on the topics of the contexts it reads.
 * A partition batch is applied in one transaction with the per-stream positions (so the
 * relay's or Kafka's redeliveries change nothing); dead letters are published to the
 * dead-letter topic before that transaction commits and before the offsets move.
 */
export class KafkaProjectionFeed {
  private subscriptions: Subscription[] = [];
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: MessageBus,
    private readonly topics: Topics,
    private readonly runners: ProjectionRunner[],
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.stopping = false;
    for (const runner of this.runners) {
      this.subscriptions.push(
        await this.bus.subscribe({
          groupId: this.topics.projectionGroup(runner.projection.name),
          topics: this.topicsOf(runner),
          fromBeginning: true,
          onBatch: (messages) => this.applyMessages(runner, messages),
        }),
      );
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.subscriptions.map((s) => s.stop()));
    this.subscriptions = [];
  }

  async lag(runner: ProjectionRunner): Promise<number> {
    const lag = await this.bus.consumerLag(this.topics.projectionGroup(runner.projection.name), this.topicsOf(runner));
    this.metrics.projectionLag.set({ projection: runner.projection.name }, lag);
    return lag;
  }

  private topicsOf(runner: ProjectionRunner): string[] {
    const source = runner.projection.kafkaSource;
    return source ? [source.topic(this.topics.prefix)] : runner.projection.contexts.map((c) => this.topics.events(c));
  }

  private async applyMessages(runner: ProjectionRunner, messages: IncomingMessage[]): Promise<void> {
    const events: StoredEvent[] = [];
    const malformed: { message: IncomingMessage; error: string }[] = [];
    for (const message of messages) {
      try {
        events.push((runner.projection.kafkaSource?.toEvent ?? fromMessage)(message));
      } catch (error) {
        malformed.push({ message, error: (error as Error).message });
      }
    }
    if (malformed.length) await this.publishMalformed(runner, malformed);
    if (events.length === 0) return;
    const query = this.dataSource.createQueryRunner();
    await query.connect();
    try {
      await query.startTransaction();
      await runner.lock(query);
      const letters = await runner.applyBatch(query, events, true, 'kafka');
      if (letters.length) await this.publishDeadLetters(letters);
      await query.commitTransaction();
    } catch (error) {
      if (query.isTransactionActive) await query.rollbackTransaction().catch(() => undefined);
      // A failure while the process stops (Ctrl-C stops the embedded PostgreSQL too) is the shutdown's: not reported.
      await new Promise((resolve) => setTimeout(resolve, FAILURE_REPORT_GRACE_MS));
      if (!this.stopping)
        this.logger.warn(
          { err: error, projection: runner.projection.name },
          'projection batch from Kafka failed; it will be redelivered',
        );
      throw error;
    } finally {
      await query.release();
    }
  }

  private async publishDeadLetters(letters: DeadLetter[]): Promise<void> {
    await this.bus.publish(
      letters.map((l) => ({
        topic: this.topics.deadLetter(),
        key: l.event.streamId,
        value: JSON.stringify(l.event),
        headers: {
          'event-id': l.event.eventId,
          'event-type': l.event.type,
          'global-position': String(l.event.globalPosition),
          projection: l.projection,
          error: l.error.slice(0, 1000),
          attempts: String(l.attempts),
        },
      })),
    );
    for (const l of letters)
      this.logger.error(
        { projection: l.projection, eventId: l.event.eventId, type: l.event.type, error: l.error },
        'event sent to the dead-letter topic',
      );
  }

  private async publishMalformed(
    runner: ProjectionRunner,
    items: { message: IncomingMessage; error: string }[],
  ): Promise<void> {
    await this.bus.publish(
      items.map(({ message, error }) => ({
        topic: this.topics.deadLetter(),
        key: message.key ?? '',
        value: message.value ?? '',
        headers: {
          projection: runner.projection.name,
          error,
          'source-topic': message.topic,
          'source-offset': `${message.partition}@${message.offset}`,
        },
      })),
    );
    this.metrics.deadLetters.inc({ projection: runner.projection.name }, items.length);
  }
}
