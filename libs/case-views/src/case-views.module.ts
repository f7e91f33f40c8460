import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { timelineProjection } from './projections/timeline.projection';
import { Timeline1732240600000 } from './migrations/1732240600000-timeline';
import { Caseload1732240600100 } from './migrations/1732240600100-caseload';
import { CaseloadSealedIdentity1732270000000 } from './migrations/1732270000000-caseload-sealed-identity';
import { CaseloadSearchKeysOut1732290000200 } from './migrations/1732290000200-caseload-search-keys-out';
import { identityHasherProvider } from '@saeil/intake';
import { caseloadProjection } from './projections/caseload.projection';
import { FindCaseloadController } from './queries/find-caseload/find-caseload.controller';
import { FindCaseloadHandler } from './queries/find-caseload/find-caseload.handler';
import { CaseTimelineController } from './queries/case-timeline/case-timeline.controller';
import { CaseTimelineHandler } from './queries/case-timeline/case-timeline.handler';
import { CenterActivities1733610000000 } from './migrations/1733610000000-center-activities';
import { centerActivitiesProjection } from './projections/center-activities.projection';
import { CenterActivitiesController } from './queries/center-activities/center-activities.controller';
import { CenterActivitiesHandler } from './queries/center-activities/center-activities.handler';

/**
 * Read-side views of a case across every context (timeline; caseload), and of the center's
 * activities (courses, group programs, outreach, employers, agreements, fairs, meetings). Writes no events of its
 * own: its projections read the other contexts' topics.
 */
@Module({
  imports: [CqrsModule],
  controllers: [CaseTimelineController, FindCaseloadController, CenterActivitiesController],
  // The identity hasher hashes a caseload search the way intake hashed her search keys.
  providers: [CaseTimelineHandler, FindCaseloadHandler, CenterActivitiesHandler, identityHasherProvider],
})
export class CaseViewsModule {}

export const caseViewsModule: SaeilModuleDefinition = {
  name: 'case-views',
  contexts: [],
  migrations: [
    Timeline1732240600000,
    Caseload1732240600100,
    CaseloadSealedIdentity1732270000000,
    CaseloadSearchKeysOut1732290000200,
    CenterActivities1733610000000,
  ],
  projections: [caseloadProjection, timelineProjection, centerActivitiesProjection],
  commands: [],
  nestModule: CaseViewsModule,
};
