import type { WorkerJob } from '@saeil/runtime';

/**
 * Keeps the identity tables small: refresh tokens a day past their expiry (expired, they are
 * refused anyway; until then a revoked or used one is still recognised as such), and throttle rows
 * whose window and lock are both over (a later failure starts a new count all the same).
 */
export const identityHousekeepingJob: WorkerJob = {
  name: 'identity-housekeeping',
  intervalMs: () => 60 * 60_000,
  async run({ dataSource, config }) {
    await dataSource.query(`DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'`);
    await dataSource.query(
      `DELETE FROM login_throttle
       WHERE (locked_until IS NULL OR locked_until < now())
         AND (window_started_at IS NULL OR window_started_at < now() - make_interval(secs => $1))`,
      [config.LOGIN_LOCKOUT_SECONDS],
    );
  },
};
