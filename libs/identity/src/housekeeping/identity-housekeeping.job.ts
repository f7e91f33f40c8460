import type { WorkerJob } from '@saeil/runtime';
import { LOGIN_FAILURES_FORGOTTEN_AFTER_MS } from '../domain/login-throttle';

/**
 * Keeps the identity tables small: refresh tokens a day past their expiry (expired, they are
 * refused anyway; until then a revoked or used one is still recognised as such), and throttle rows
 * whose failures are forgotten and whose delay is over (a later failure starts a new count all the
 * same), and known login addresses 90 days after their last success.
 */
export const identityHousekeepingJob: WorkerJob = {
  name: 'identity-housekeeping',
  intervalMs: () => 60 * 60_000,
  async run({ dataSource }) {
    await dataSource.query(`DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'`);
    await dataSource.query(
      `DELETE FROM login_throttle
       WHERE (locked_until IS NULL OR locked_until < now())
         AND (window_started_at IS NULL OR window_started_at < now() - make_interval(secs => $1))`,
      [LOGIN_FAILURES_FORGOTTEN_AFTER_MS / 1000],
    );
    await dataSource.query(`DELETE FROM login_known_addresses WHERE last_success_at < now() - interval '90 days'`);
  },
};
