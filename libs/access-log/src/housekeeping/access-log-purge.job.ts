import type { WorkerJob } from '@saeil/runtime';

/**
 * Removes 접속기록 rows older than ACCESS_LOG_RETENTION_DAYS (at least two years). The database
 * refuses any other delete; verification of later months is unaffected (it starts from the
 * oldest remaining row).
 */
export const accessLogPurgeJob: WorkerJob = {
  name: 'access-log-purge',
  intervalMs: () => 24 * 60 * 60_000,
  async run({ dataSource, config }) {
    await dataSource.query(`SELECT access_log_purge($1)`, [config.ACCESS_LOG_RETENTION_DAYS]);
  },
};
