import { Module } from '@nestjs/common';
import { SaeilConfig } from '@saeil/config';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { CentersDirectory } from '@saeil/statistics';
import { ministryDashboardProjection } from './feed/dashboard-feed.projection';
import { MinistryDashboard1733700000000 } from './migrations/1733700000000-ministry-dashboard';
import { DashboardQueries } from './queries/dashboard-queries';
import { MinistryDashboardController, MinistryEntryController } from './queries/dashboard.controller';

@Module({
  controllers: [MinistryDashboardController, MinistryEntryController],
  providers: [
    DashboardQueries,
    // The directory says which centers exist (who has not submitted): reference data, not case data.
    {
      provide: CentersDirectory,
      inject: [SaeilConfig],
      useFactory: (config: SaeilConfig) => CentersDirectory.load(config.SAEIL_CENTERS_FILE),
    },
  ],
})
export class MinistryDashboardModule {}

/**
 * The Ministry dashboard (apps/ministry-dashboard on its own, or inside `npm start`): its only
 * input is the Ministry feed of submitted reports, its only tables the schema ministry_dashboard.
 * It writes no events (no context), so a process running it alone relays nothing.
 */
export const ministryDashboardModule: SaeilModuleDefinition = {
  name: 'ministry-dashboard',
  contexts: [],
  migrations: [MinistryDashboard1733700000000],
  projections: [ministryDashboardProjection],
  commands: [],
  nestModule: MinistryDashboardModule,
};
