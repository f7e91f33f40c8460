import type { WorkerJob } from '@saeil/runtime';
import { anchoringFor } from './access-log-anchoring';

/**
 * Publishes the 접속기록's head checkpoint every ACCESS_LOG_ANCHOR_INTERVAL_MS when rows were added
 * since the last one. Rows written after the last anchor are protected by the hash chain alone
 * until the next one (and the api publishes one when it stops).
 */
export const accessLogAnchorJob: WorkerJob = {
  name: 'access-log-anchor',
  intervalMs: (config) => config.ACCESS_LOG_ANCHOR_INTERVAL_MS,
  async run(services) {
    await anchoringFor(services).publishHead();
  },
};
