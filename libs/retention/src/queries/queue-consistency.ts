import type { SaeilConfig } from '@saeil/config';
import type { ReadModelConsistency } from '@saeil/projections';
import { followUpQueueProjection } from '../projections/follow-up-queue.projection';

export type ConsistencyAnswer = { minPosition: number; reached: boolean } | undefined;

/** `minPosition` read-your-writes on the follow-up queue, bounded by MAX_CONSISTENCY_WAIT_MS. */
export async function waitForQueue(
  consistency: ReadModelConsistency,
  config: SaeilConfig,
  minPosition: number | undefined,
): Promise<ConsistencyAnswer> {
  if (!minPosition) return undefined;
  return {
    minPosition,
    reached: await consistency.waitFor(followUpQueueProjection, minPosition, config.MAX_CONSISTENCY_WAIT_MS),
  };
}
