/**
 * Failed-login counting for one key, with delays that grow (issue 13, finding 11). The keys:
 * - a user name *and* a source address together (the pair): a few failures, then a delay
 *   that doubles with each further failure up to a ceiling. Someone guessing her password from
 *   another address slows down only himself: her own pair has no failures;
 * - a source address, and a user name, on their own: much higher ceilings whose delays grow
 *   slowly, against spraying one password over many names, or one name from many addresses.
 *   A pair that has logged in before (a known address of that user name) is not held back by
 *   them, so an attacker cannot lock a woman out of her own office.
 * A user name is counted whether or not such an account exists, so the answers never tell.
 * Pure arithmetic over the stored row; the store applies it under a row lock.
 */
export interface ThrottlePolicy {
  /** The failure that reaches this count starts the first delay. */
  delayFrom: number;
  /** The first delay. */
  baseDelayMs: number;
  /** The delay doubles every this many further failures (1: with each one). */
  doublingEvery: number;
  /** The longest delay. */
  maxDelayMs: number;
  /** Failures are forgotten when the last one is older than this. */
  forgetAfterMs: number;
}

export interface ThrottleState {
  /** Failures counted since the count (re)started. */
  failures: number;
  /** When the last counted failure happened (stored as window_started_at). */
  lastFailureAt: Date | null;
  /** No attempt is admitted before this. */
  lockedUntil: Date | null;
}

/** A day without a failure and a key's count starts again. */
export const LOGIN_FAILURES_FORGOTTEN_AFTER_MS = 24 * 60 * 60_000;

export const NO_FAILURES: ThrottleState = { failures: 0, lastFailureAt: null, lockedUntil: null };

/** The end of the delay in force at `now`, if any. */
export function lockedUntil(state: ThrottleState, now: Date): Date | undefined {
  return state.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : undefined;
}

/** Seconds until the delay ends, rounded up (for Retry-After); 0 when there is none. */
export function retryAfterSeconds(state: ThrottleState, now: Date): number {
  const until = lockedUntil(state, now);
  return until ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0;
}

/** The delay the `failures`-th failure imposes: none before `delayFrom`, then base × 2^k, capped. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.delayFrom) return 0;
  const doublings = Math.floor((failures - policy.delayFrom) / Math.max(1, policy.doublingEvery));
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(doublings, 40));
}

/**
 * One more failure at `now`: counted (from one again when the last failure is forgotten), and the
 * delay it earns starts now. An attempt during a delay is refused before any password check and
 * changes nothing, so the delay ends when it was announced.
 */
export function afterFailure(state: ThrottleState, now: Date, policy: ThrottlePolicy): ThrottleState {
  if (lockedUntil(state, now)) return state;
  const remembered =
    state.lastFailureAt !== null && now.getTime() - state.lastFailureAt.getTime() < policy.forgetAfterMs;
  const failures = remembered ? state.failures + 1 : 1;
  const delay = delayAfter(failures, policy);
  return { failures, lastFailureAt: now, lockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null };
}
