/**
 * Sleep that a notification can cut short. A wake-up that arrives while the follower is busy
 * is remembered, so the next sleep returns at once instead of waiting out the poll interval.
 */
export class Waker {
  private pending = false;
  private resolveSleep?: () => void;

  wake(): void {
    this.pending = true;
    this.resolveSleep?.();
  }

  async sleep(ms: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.resolveSleep = undefined;
          resolve();
        };
        const timer = setTimeout(done, ms);
        this.resolveSleep = done;
      });
    }
    this.pending = false;
  }
}

/**
 * How long a following loop waits before it reports a failure: a Ctrl-C reaches the embedded
 * PostgreSQL (same process group) as fast as it reaches us, so a batch can fail on the server
 * going away a moment before the process has begun to stop. Such a failure is the shutdown's,
 * and is not reported.
 */
export const FAILURE_REPORT_GRACE_MS = 250;

/**
 * A following loop's back-off after a failed run: waits out the grace, reports the failure only
 * if the loop is still running (a stop meanwhile made it the shutdown's), then sleeps the rest of
 * `retryInMs` (cut short when the waker is woken).
 */
export async function backOffAfterFailure(
  waker: Waker,
  retryInMs: number,
  running: () => boolean,
  report: () => void,
): Promise<void> {
  const grace = Math.min(FAILURE_REPORT_GRACE_MS, retryInMs);
  await new Promise((resolve) => setTimeout(resolve, grace));
  if (!running()) return;
  report();
  await waker.sleep(retryInMs - grace);
}

/**
 * PostgreSQL is stopping, not failing: 57P01 (admin_shutdown, what a fast shutdown sends every
 * connection — Ctrl-C on `npm start` reaches the embedded server too) and 57P03 (cannot_connect_now,
 * "the database system is shutting down"). Worth a line, not a stack trace.
 */
export function isServerShutdown(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === '57P01' || code === '57P03';
}

/** First wait before reading again when committed events wait behind an open transaction (doubles up to the polling interval). */
const BEHIND_OPEN_TRANSACTION_FIRST_MS = 5;

/**
 * How long a follower of the event store (the relay, an embedded projection) sleeps after a
 * batch that was not full. Events committed past its checkpoint that it could not take yet sit
 * above the snapshot's xmin because another transaction is still open, and no notification comes
 * when that one ends: it looks again soon, backing off towards the polling interval, instead of
 * sleeping all of it. `waiting` is the count of such events; `retries` how many looks in a row
 * found some (the caller keeps it, 0 after a full batch or when none wait).
 */
export function followerPause(waiting: number, retries: number, pollIntervalMs: number): number {
  return waiting > 0
    ? Math.min(pollIntervalMs, BEHIND_OPEN_TRANSACTION_FIRST_MS * 2 ** Math.min(Math.max(retries - 1, 0), 6))
    : pollIntervalMs;
}
