import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Built into the root's dist/web, which the api serves under /app/ (libs/app/src/web).
 * `npm run dev -w apps/web` proxies the API to a running Saeil (SAEIL_URL, default :3000).
 */
const api = process.env.SAEIL_URL ?? 'http://127.0.0.1:3000';
const apiRoutes = [
  '/auth',
  '/caseload',
  '/cases',
  '/clients',
  '/follow-ups',
  '/courses',
  '/placements',
  '/internships',
  '/employers',
  '/center-activities',
  '/group-programs',
  '/outreach-events',
  '/agreements',
  '/job-fairs',
  '/council-meetings',
  '/health',
  '/accounts',
  '/access-log',
  '/ministry-dashboard',
];

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  // The manifest lets `npm run bench` add up each screen's initial JavaScript (bench/measures/web.ts).
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
    // No vendor chunks: splitting React and TanStack into chunks of their own (for the cache across
    // releases) measured 10 KB gzip more on the login and home screens' first load (bench section 7).
    rolldownOptions: {
      treeshake: {
        // @rc-component/form declares no `sideEffects`, so the one context antd's ContextIsolator takes
        // from it (through antd/es/form/context, under every Modal, Dropdown and Tooltip) kept the
        // whole form library and its async-validator in the first script of every screen (13 KB
        // gzip). Its modules only define components and helpers: an unused one can be left out.
        moduleSideEffects: [
          { test: /node_modules[\\/]@rc-component[\\/](form|async-validator)[\\/]/, sideEffects: false },
        ],
      },
    },
  },
  server: { proxy: Object.fromEntries(apiRoutes.map((route) => [route, { target: api, changeOrigin: false }])) },
});
