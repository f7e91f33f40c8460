import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { EventStore, eventsAfter, readCheckpoint, writeCheckpoint } from '@saeil/event-store';
import { backOffAfterFailure, followerPause, Notifications, Waker } from '@saeil/database';
import { Metrics } from '@saeil/observability';
import { checkpointName } from './projection';
import { ProjectionRunner } from './projection-runner';

/**
 * Embedded mode: projections follow the PostgreSQL event store directly (LISTEN/NOTIFY to wake
 * up, polling as the fallback). Each batch is read and applied inside one transaction that
 * holds the projection's advisory lock and moves its checkpoint, so two workers never apply
 * the same event and a crash loses or repeats nothing.
 */
export class EventStoreFeed {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly wakers = new Map<ProjectionRunner, Waker>();
  private unsubscribe?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly runners: ProjectionRunner[],
    private readonly notifications: Notifications,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
    private readonly options: { batchSize: number; pollIntervalMs: number },
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const runner of this.runners) this.wakers.set(runner, new Waker());
    this.unsubscribe = this.notifications.subscribe(() => this.wakers.forEach((w) => w.wake()));
    this.loops = this.runners.map((runner) => this.follow(runner));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wakers.forEach((w) => w.wake());
    await Promise.all(this.loops);
  }

  /** Applies the next batch for one projection; returns how many events were read. */
  async applyNextBatch(runner: ProjectionRunner): Promise<number> {
    const name = checkpointName(runner.projection.name, runner.target);
    const query = this.dataSource.createQueryRunner();
    await query.connect();
    try {
      await query.startTransaction();
      await runner.lock(query);
      const checkpoint = await readCheckpoint(query, name, true);
      const events = await this.store.readAll(checkpoint, this.options.batchSize, query);
      if (events.length > 0) {
        await runner.applyBatch(query, events, false, 'event-store');
        const last = events[events.length - 1];
        await writeCheckpoint(query, name, { transactionId: last.transactionId, globalPosition: last.globalPosition });
      }
      await query.commitTransaction();
      return events.length;
    } catch (error) {
      if (query.isTransactionActive) await query.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await query.release();
    }
  }

  /** Applies batches until the projection has caught up with what is committed now. */
  async catchUp(runner: ProjectionRunner): Promise<void> {
    while ((await this.applyNextBatch(runner)) === this.options.batchSize) {
      // keep going
    }
  }

  async lag(runner: ProjectionRunner): Promise<number> {
    const lag = await eventsAfter(
      this.dataSource,
      await readCheckpoint(this.dataSource, checkpointName(runner.projection.name, runner.target)),
    );
    this.metrics.projectionLag.set({ projection: runner.projection.name }, lag);
    return lag;
  }

  private async follow(runner: ProjectionRunner): Promise<void> {
    const waker = this.wakers.get(runner)!;
    let failures = 0;
    let behindOpenTransaction = 0;
    while (this.running) {
      try {
        const read = await this.applyNextBatch(runner);
        failures = 0;
        if (read < this.options.batchSize) {
          // Committed events it could not take yet (behind an open transaction): look again soon.
          const waiting = await this.lag(runner).catch(() => 0);
          behindOpenTransaction = waiting > 0 ? behindOpenTransaction + 1 : 0;
          await waker.sleep(followerPause(waiting, behindOpenTransaction, this.options.pollIntervalMs));
        } else {
          behindOpenTransaction = 0;
        }
      } catch (error) {
        failures += 1;
        await backOffAfterFailure(
          waker,
          Math.min(30000, 250 * 2 ** Math.min(failures, 7)),
          () => this.running,
          () =>
            this.logger.warn(
              { err: error, projection: runner.projection.name, failures },
              'projection batch failed; retrying',
            ),
        );
      }
    }
  }
}
