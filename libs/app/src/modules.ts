import type { SaeilModuleDefinition } from '@saeil/runtime';
import { intakeModule } from '@saeil/intake';
import { counselingModule } from '@saeil/counseling';
import { trainingModule } from '@saeil/training';
import { internshipModule } from '@saeil/internship';
import { placementModule } from '@saeil/placement';
import { employersModule } from '@saeil/employers';
import { caseViewsModule } from '@saeil/case-views';
import { identityModule } from '@saeil/identity';
import { privacyModule } from '@saeil/privacy';
import { programsModule } from '@saeil/programs';
import { kpiModule } from '@saeil/kpi';
import { retentionModule } from '@saeil/retention';
import { statisticsModule } from '@saeil/statistics';
import { reportsModule } from '@saeil/reports';
import { accessLogModule } from '@saeil/access-log';
import { ministryDashboardModule } from '@saeil/ministry-dashboard';

/** The case system: the bounded contexts the api and the worker run (apps/api, apps/worker). Add a module here to wire it everywhere. */
export const CASE_SYSTEM_MODULES: SaeilModuleDefinition[] = [
  identityModule,
  privacyModule,
  intakeModule,
  counselingModule,
  trainingModule,
  internshipModule,
  placementModule,
  employersModule,
  caseViewsModule,
  programsModule,
  kpiModule,
  retentionModule,
  statisticsModule,
  reportsModule,
  accessLogModule,
];

/**
 * The Ministry dashboard on its own (apps/ministry-dashboard): the accounts (same login) and the
 * dashboard, whose only input is the Ministry feed. No case context: it writes and relays no event.
 */
export const MINISTRY_DASHBOARD_MODULES: SaeilModuleDefinition[] = [identityModule, ministryDashboardModule];

/** Everything in one process (`npm start`, and what the tests start): the case system and the Ministry dashboard. */
export const SAEIL_MODULES: SaeilModuleDefinition[] = [...CASE_SYSTEM_MODULES, ministryDashboardModule];
