import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RETENTION_CONTEXT } from '@saeil/contracts';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { recordFollowUp } from './commands/record-follow-up/record-follow-up.command';
import { RecordFollowUpController } from './commands/record-follow-up/record-follow-up.controller';
import { RecordFollowUpHandler } from './commands/record-follow-up/record-follow-up.handler';
import { FollowUpQueueController } from './queries/follow-up-queue/follow-up-queue.controller';
import { FollowUpQueueHandler } from './queries/follow-up-queue/follow-up-queue.handler';
import { FollowUpQueueByCounselorController } from './queries/follow-up-queue-by-counselor/follow-up-queue-by-counselor.controller';
import { FollowUpQueueByCounselorHandler } from './queries/follow-up-queue-by-counselor/follow-up-queue-by-counselor.handler';
import { followUpQueueProjection } from './projections/follow-up-queue.projection';
import { FollowUpQueue1732240860000 } from './migrations/1732240860000-follow-up-queue';
import { FollowUpClientsSealedIdentity1732270000100 } from './migrations/1732270000100-follow-up-clients-sealed-identity';
import { placementReactions } from './reactions/placement-reactions.reactor';
import { followUpSweepJob } from './sweep/follow-up-sweep.job';

/**
 * Retention follow-ups (사후관리): scheduled from placements by a reactor, marked due/overdue by
 * the worker's sweep, recorded by counselors, shown in each counselor's work queue.
 */
@Module({
  imports: [CqrsModule],
  controllers: [RecordFollowUpController, FollowUpQueueByCounselorController, FollowUpQueueController],
  providers: [RecordFollowUpHandler, FollowUpQueueHandler, FollowUpQueueByCounselorHandler],
})
export class RetentionModule {}

export const retentionModule: SaeilModuleDefinition = {
  name: 'retention',
  contexts: [RETENTION_CONTEXT],
  migrations: [FollowUpQueue1732240860000, FollowUpClientsSealedIdentity1732270000100],
  projections: [followUpQueueProjection],
  reactors: [placementReactions],
  jobs: [followUpSweepJob],
  commands: [recordFollowUp],
  nestModule: RetentionModule,
};
