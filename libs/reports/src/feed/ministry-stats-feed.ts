import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { RUNTIME, Runtime } from '@saeil/runtime';
import { MinistryStatsPublisher, ministryStatsTopic } from './ministry-stats-publisher';

/**
 * Runs the Ministry stats publisher in this process when Kafka is configured (embedded mode has
 * no broker: nothing is published, the reports are still frozen in the store). It starts with
 * the reports module, i.e. in every process that serves the api; the advisory lock keeps one
 * publisher running across processes, and another takes over when it stops.
 */
@Injectable()
export class MinistryStatsFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly publisher?: MinistryStatsPublisher;

  constructor(@Inject(RUNTIME) runtime: Runtime) {
    if (!runtime.bus) return;
    this.publisher = new MinistryStatsPublisher(
      runtime.dataSource,
      runtime.store,
      runtime.bus,
      ministryStatsTopic(runtime.config.KAFKA_TOPIC_PREFIX),
      runtime.notifications,
      runtime.logger.child({ component: 'ministry-stats' }),
      { batchSize: runtime.config.RELAY_BATCH_SIZE, pollIntervalMs: runtime.config.POLL_INTERVAL_MS },
      runtime.databaseUrl,
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.publisher?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher?.stop();
  }
}
