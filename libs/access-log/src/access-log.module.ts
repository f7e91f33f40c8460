import { Module } from '@nestjs/common';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { AccessLog1732260000000 } from './migrations/1732260000000-access-log';
import { AccessLogOutcome1733580000000 } from './migrations/1733580000000-access-log-outcome';
import { AccessLogReviewController } from './review/access-log-review.controller';
import { accessLogPurgeJob } from './housekeeping/access-log-purge.job';

/**
 * 접속기록 (access log): the tamper-evident record of who read or exported whose data. Other
 * modules put `@AccessLogged(...)` on their person-data routes; this module owns the table, the
 * review and the retention purge.
 */
@Module({
  controllers: [AccessLogReviewController],
})
export class AccessLogModule {}

export const accessLogModule: SaeilModuleDefinition = {
  name: 'access-log',
  // A table, not events: the log must not itself spread personal data onto topics.
  contexts: [],
  migrations: [AccessLog1732260000000, AccessLogOutcome1733580000000],
  projections: [],
  jobs: [accessLogPurgeJob],
  commands: [],
  nestModule: AccessLogModule,
};
