/**
 * Failed-login counting for one key: a user name (whether or not such an account exists, so the
 * answer never tells) or a source address. Pure arithmetic over the stored row; the store applies
 * it under a row lock.
 */
export interface ThrottlePolicy {
  /** Failures within `windowMs` that lock the key. */
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
}

export interface ThrottleState {
  failures: number;
  /** When the first failure of the current window happened. */
  windowStartedAt: Date | null;
  lockedUntil: Date | null;
}

export const NO_FAILURES: ThrottleState = { failures: 0, windowStartedAt: null, lockedUntil: null };

/** The end of the lock in force at `now`, if any. */
export function lockedUntil(state: ThrottleState, now: Date): Date | undefined {
  return state.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : undefined;
}

/** Seconds until the lock ends, rounded up (for Retry-After); 0 when not locked. */
export function retryAfterSeconds(state: ThrottleState, now: Date): number {
  const until = lockedUntil(state, now);
  return until ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0;
}

/**
 * One more failure at `now`. The failure that reaches `maxFailures` within the window locks the
 * key for `lockoutMs` and starts counting afresh; an attempt while locked is refused before any
 * password check and changes nothing (the lock is not extended, so it ends when announced).
 */
export function afterFailure(state: ThrottleState, now: Date, policy: ThrottlePolicy): ThrottleState {
  if (lockedUntil(state, now)) return state;
  const inWindow = state.windowStartedAt !== null && now.getTime() - state.windowStartedAt.getTime() < policy.windowMs;
  const failures = inWindow ? state.failures + 1 : 1;
  if (failures >= policy.maxFailures) return { failures: 0, windowStartedAt: null, lockedUntil: new Date(now.getTime() + policy.lockoutMs) };
  return { failures, windowStartedAt: inWindow ? state.windowStartedAt : now, lockedUntil: null };
}
