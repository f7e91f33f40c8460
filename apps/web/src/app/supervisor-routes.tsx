import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { followUpListSearch } from '../features/supervisor/follow-up-search';
import { retentionSearch } from '../features/retention-stats/retention-search';
import { kpiSearch } from '../features/kpi/kpi-search';
import { reportSearch } from '../features/reports/report-search';
import { accessLogSearch } from '../features/access-log/access-log-search';
import { regionSearch } from '../features/regional/region-search';
import { signedInRoute } from './router';

/**
 * The supervisor's and the regional supervisor's screens (issue 16). Every one is loaded when
 * first opened, so login and home start with none of their script (ECharts above all).
 */
export const followUpsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/follow-ups',
  validateSearch: followUpListSearch,
  component: lazyRouteComponent(() => import('../features/supervisor/FollowUpsPage'), 'FollowUpsPage'),
});
export const retentionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/retention',
  validateSearch: retentionSearch,
  component: lazyRouteComponent(() => import('../features/retention-stats/RetentionPage'), 'RetentionPage'),
});
export const programsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/programs',
  component: lazyRouteComponent(() => import('../features/programs/ProgramsPage'), 'ProgramsPage'),
});
export const programRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/programs/$programId',
  component: lazyRouteComponent(() => import('../features/programs/ProgramPage'), 'ProgramPage'),
});
export const kpiRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/kpi',
  validateSearch: kpiSearch,
  component: lazyRouteComponent(() => import('../features/kpi/KpiPage'), 'KpiPage'),
});
export const reportsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reports',
  validateSearch: reportSearch,
  component: lazyRouteComponent(() => import('../features/reports/ReportsPage'), 'ReportsPage'),
});
export const accessLogRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/access-log',
  validateSearch: accessLogSearch,
  component: lazyRouteComponent(() => import('../features/access-log/AccessLogPage'), 'AccessLogPage'),
});
export const regionRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/region',
  validateSearch: regionSearch,
  component: lazyRouteComponent(() => import('../features/regional/RegionPage'), 'RegionPage'),
});
export const regionCenterRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/region/centers/$centerId',
  validateSearch: regionSearch,
  component: lazyRouteComponent(() => import('../features/regional/RegionCenterPage'), 'RegionCenterPage'),
});

export const supervisorRoutes = [
  followUpsRoute,
  retentionRoute,
  programsRoute,
  programRoute,
  kpiRoute,
  reportsRoute,
  accessLogRoute,
  regionRoute,
  regionCenterRoute,
];
