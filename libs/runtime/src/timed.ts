import { Metrics } from '@saeil/observability';
import { SaeilError } from '@saeil/core';

/** Records command latency by outcome (ok, or the error code). */
export async function timed<T>(metrics: Metrics, command: string, work: () => Promise<T>): Promise<T> {
  const end = metrics.commandDuration.startTimer({ command });
  try {
    const result = await work();
    end({ outcome: 'ok' });
    return result;
  } catch (error) {
    end({ outcome: error instanceof SaeilError ? error.code : 'error' });
    throw error;
  }
}
