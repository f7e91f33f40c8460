import type { WorkerJob } from '@saeil/runtime';
import { anchoringFor } from '../anchoring/access-log-anchoring';

/**
 * Removes 접속기록 rows older than ACCESS_LOG_RETENTION_DAYS (at least two years). The database
 * refuses any other delete; verification of later months is unaffected (it starts from the
 * oldest remaining row). Before deleting, it publishes a purge anchor naming the last row it
 * removes, so that verification expects those rows gone and nothing more: rows deleted at the
 * start by anyone else still break the chain's genesis. (The cut is taken in the transaction that
 * deletes: now() is the same for both, and `at` rises with seq.)
 */
export const accessLogPurgeJob: WorkerJob = {
  name: 'access-log-purge',
  intervalMs: () => 24 * 60 * 60_000,
  async run(services) {
    const days = services.config.ACCESS_LOG_RETENTION_DAYS;
    await services.dataSource.transaction(async (m) => {
      const [{ through, removable }] = await m.query(
        `SELECT max(seq) AS through, count(*)::bigint AS removable FROM access_log WHERE seq >= 1 AND at < now() - make_interval(days => $1)`,
        [days],
      );
      if (through !== null) await anchoringFor(services).publishPurge(Number(through), Number(removable));
      await m.query(`SELECT access_log_purge($1)`, [days]);
    });
  },
};
