import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Built into the root's dist/web, which the api serves under /app/ (libs/app/src/web).
 * `npm run dev -w apps/web` proxies the API to a running Saeil (SAEIL_URL, default :3000).
 */
const api = process.env.SAEIL_URL ?? 'http://127.0.0.1:3000';
const apiRoutes = ['/auth', '/caseload', '/cases', '/clients', '/follow-ups', '/courses', '/placements', '/internships', '/employers', '/health', '/accounts', '/access-log', '/ministry-dashboard'];

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: false },
  server: { proxy: Object.fromEntries(apiRoutes.map((route) => [route, { target: api, changeOrigin: false }])) },
});
