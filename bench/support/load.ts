import { summarise, LatencySummary } from './stats';

export interface LoadResult {
  concurrency: number;
  seconds: number;
  ok: number;
  /** Refused or failed operations, by reason (e.g. "409"): not counted in the rate. */
  failed: Record<string, number>;
  perSecond: number;
  latencyMs: LatencySummary;
}

/**
 * Closed loop: `concurrency` callers each run `operation` back to back for `seconds`. The rate
 * counts successful operations only; latency is of successful ones.
 */
export async function closedLoop(
  concurrency: number,
  seconds: number,
  operation: (caller: number) => Promise<string | undefined>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const failed: Record<string, number> = {};
  const started = performance.now();
  const until = started + seconds * 1000;
  const caller = async (n: number) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      let failure: string | undefined;
      try {
        failure = await operation(n);
      } catch (error) {
        failure = (error as Error).message.slice(0, 80);
      }
      if (failure) failed[failure] = (failed[failure] ?? 0) + 1;
      else latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, n) => caller(n)));
  const elapsed = (performance.now() - started) / 1000;
  return {
    concurrency,
    seconds: Math.round(elapsed * 100) / 100,
    ok: latencies.length,
    failed,
    perSecond: Math.round(latencies.length / elapsed),
    latencyMs: summarise(latencies),
  };
}

/** Open loop: starts `operation` at a fixed rate for `seconds`, whatever the answers' speed. */
export async function openLoop(
  ratePerSecond: number,
  seconds: number,
  operation: () => Promise<void>,
): Promise<{ started: number; seconds: number }> {
  const interval = 1000 / ratePerSecond;
  const begin = performance.now();
  const inFlight: Promise<void>[] = [];
  let started = 0;
  while (performance.now() - begin < seconds * 1000) {
    const due = begin + started * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(operation().catch(() => undefined));
    started += 1;
  }
  await Promise.all(inFlight);
  return { started, seconds: Math.round(((performance.now() - begin) / 1000) * 100) / 100 };
}
