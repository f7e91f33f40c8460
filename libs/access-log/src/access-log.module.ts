import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { RUNTIME, type Runtime, type SaeilModuleDefinition } from '@saeil/runtime';
import { AccessLogAnchoring, anchoringFor } from './anchoring/access-log-anchoring';
import { accessLogAnchorJob } from './anchoring/access-log-anchor.job';
import { KafkaAnchorStore } from './anchoring/anchor-store';
import { AccessLog1732260000000 } from './migrations/1732260000000-access-log';
import { AccessLogOutcome1733580000000 } from './migrations/1733580000000-access-log-outcome';
import { AccessLogReviewController } from './review/access-log-review.controller';
import { accessLogPurgeJob } from './housekeeping/access-log-purge.job';

/**
 * 접속기록 (access log): the tamper-evident record of who read or exported whose data. Other
 * modules put `@AccessLogged(...)` on their person-data routes; this module owns the table, the
 * review, the anchors published outside the database, verification and the retention purge.
 * The anchors' key is resolved when the module starts (a production start without
 * ACCESS_LOG_MAC_KEY has already stopped at configuration); when the api stops it anchors the
 * head it leaves.
 */
@Module({
  controllers: [AccessLogReviewController],
  providers: [
    {
      provide: AccessLogAnchoring,
      inject: [RUNTIME],
      useFactory: async (runtime: Runtime) => {
        const anchoring = anchoringFor({
          config: runtime.config,
          dataSource: runtime.dataSource,
          bus: runtime.bus,
          logger: runtime.logger.child({ component: 'access-log' }),
        });
        if (anchoring.store instanceof KafkaAnchorStore) await anchoring.store.ensureTopic();
        return anchoring;
      },
    },
  ],
})
export class AccessLogModule implements OnApplicationShutdown {
  private readonly logger = new Logger('access-log');

  constructor(@Inject(AccessLogAnchoring) private readonly anchoring: AccessLogAnchoring) {}

  async onApplicationShutdown(): Promise<void> {
    // Best effort: on Ctrl-C the embedded PostgreSQL may already be stopping. The worker anchors
    // the head again as soon as the next start runs it; until then those rows have the chain alone.
    await this.anchoring
      .publishHead()
      .catch((error) =>
        this.logger.warn(
          `the access log's head could not be anchored at shutdown (${this.anchoring.store.where}): ${(error as Error).message}; the next start anchors it`,
        ),
      );
  }
}

export const accessLogModule: SaeilModuleDefinition = {
  name: 'access-log',
  // A table, not events: the log must not itself spread personal data onto topics.
  contexts: [],
  migrations: [AccessLog1732260000000, AccessLogOutcome1733580000000],
  projections: [],
  jobs: [accessLogPurgeJob, accessLogAnchorJob],
  commands: [],
  nestModule: AccessLogModule,
};
