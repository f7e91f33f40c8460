import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { session } from '../api/session';
import { caseSearch } from '../features/case/case-search';
import { caseloadSearch } from '../features/caseload/caseload-search';
import { centerSearch } from '../features/center/center-search';
import { supervisorRoutes } from './supervisor-routes';
import { ministrySearch } from '../features/ministry/ministry-search';

/** Only a path inside the app may be a place to return to after login (never another origin). */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login')
    ? value
    : undefined;
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: Outlet });

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const back = safeReturnPath(search.redirect);
    return back ? { redirect: back } : {};
  },
  // Its own chunk: a reload of any other screen (her session restored from the cookie) never needs
  // the login form, and antd's Form and Input were a tenth of the home screen's first script.
  component: lazyRouteComponent(() => import('../features/auth/LoginPage'), 'LoginPage'),
});

/** Every screen but login: she needs a session (restored from the refresh cookie after a reload). */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ location }) => {
    const principal = await session.restore();
    if (!principal) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { principal };
  },
  // The shell and every screen behind login load after it: the login screen starts with less script.
  component: lazyRouteComponent(() => import('./Shell'), 'Shell'),
});

export const homeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/work-queue/HomePage'), 'HomePage'),
});

export const caseloadRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/cases',
  validateSearch: caseloadSearch,
  // Loaded when first opened: the login and home screens start with less script.
  component: lazyRouteComponent(() => import('../features/caseload/CaseloadPage'), 'CaseloadPage'),
});

export const caseRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/cases/$clientId',
  validateSearch: caseSearch,
  component: lazyRouteComponent(() => import('../features/case/CasePage'), 'CasePage'),
});

export const intakeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/clients/new',
  component: lazyRouteComponent(() => import('../features/intake/IntakePage'), 'IntakePage'),
});

export const centerRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/center',
  validateSearch: centerSearch,
  component: lazyRouteComponent(() => import('../features/center/CenterPage'), 'CenterPage'),
});

export const adminAccountsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/accounts',
  component: lazyRouteComponent(() => import('../features/admin/AccountsPage'), 'AccountsPage'),
});

/** The Ministry dashboard (the server sends /ministry/ here); ECharts and the map load inside it only. */
export const ministryRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/ministry',
  validateSearch: ministrySearch,
  component: lazyRouteComponent(() => import('../features/ministry/MinistryDashboardPage'), 'MinistryDashboardPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([
    homeRoute,
    caseloadRoute,
    caseRoute,
    intakeRoute,
    centerRoute,
    adminAccountsRoute,
    ministryRoute,
    ...supervisorRoutes,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    basepath: '/app',
    context: { queryClient },
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
