import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { session } from '../api/session';
import { LoginPage } from '../features/auth/LoginPage';
import { caseSearch } from '../features/case/case-search';
import { caseloadSearch } from '../features/caseload/caseload-search';
import { HomePage } from '../features/work-queue/HomePage';
import { Shell } from './Shell';

/** Only a path inside the app may be a place to return to after login (never another origin). */
export function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : undefined;
}

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: Outlet });

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const back = safeReturnPath(search.redirect);
    return back ? { redirect: back } : {};
  },
  component: LoginPage,
});

/** Every screen but login: she needs a session (restored from the refresh cookie after a reload). */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  beforeLoad: async ({ location }) => {
    const principal = await session.restore();
    if (!principal) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { principal };
  },
  component: Shell,
});

export const homeRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/', component: HomePage });

export const caseloadRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/cases',
  validateSearch: caseloadSearch,
  // Loaded when first opened: the login and home screens start with less script.
  component: lazyRouteComponent(() => import('../features/caseload/CaseloadPage'), 'CaseloadPage'),
});

export const caseRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/cases/$clientId', validateSearch: caseSearch, component: lazyRouteComponent(() => import('../features/case/CasePage'), 'CasePage') });

const routeTree = rootRoute.addChildren([loginRoute, signedInRoute.addChildren([homeRoute, caseloadRoute, caseRoute])]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, basepath: '/app', context: { queryClient }, defaultPreload: false, scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
