import { afterFailure, lockedUntil, NO_FAILURES, retryAfterSeconds, ThrottlePolicy, ThrottleState } from './login-throttle';

const policy: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 };
const at = (hhmmss: string) => new Date(`2026-03-02T${hhmmss}Z`);

function failAt(times: string[], start: ThrottleState = NO_FAILURES): ThrottleState {
  return times.reduce((state, t) => afterFailure(state, at(t), policy), start);
}

describe('login throttle', () => {
  it('given 4 failures within 15 minutes, the key is not locked and counts 4', () => {
    const state = failAt(['09:00:00', '09:01:00', '09:05:00', '09:14:00']);
    expect(state).toEqual({ failures: 4, windowStartedAt: at('09:00:00'), lockedUntil: null });
    expect(lockedUntil(state, at('09:14:00'))).toBeUndefined();
  });

  it('the 5th failure within the window locks the key for 15 minutes from that failure', () => {
    const state = failAt(['09:00:00', '09:01:00', '09:05:00', '09:14:00', '09:14:30']);
    expect(state.lockedUntil).toEqual(at('09:29:30'));
    expect(lockedUntil(state, at('09:29:29'))).toEqual(at('09:29:30'));
    expect(retryAfterSeconds(state, at('09:20:00'))).toBe(570);
    expect(lockedUntil(state, at('09:29:30'))).toBeUndefined();
  });

  it('failures older than the window start a new count: 4 early failures and 4 late ones never lock', () => {
    const state = failAt(['09:00:00', '09:01:00', '09:02:00', '09:03:00', '09:15:00', '09:16:00', '09:17:00', '09:18:00']);
    expect(state).toEqual({ failures: 4, windowStartedAt: at('09:15:00'), lockedUntil: null });
  });

  it('a failure while locked changes nothing: the lock ends when it was announced', () => {
    const locked = failAt(['09:00:00', '09:00:01', '09:00:02', '09:00:03', '09:00:04']);
    expect(afterFailure(locked, at('09:10:00'), policy)).toBe(locked);
  });

  it('after the lock ends, the count starts again from one', () => {
    const locked = failAt(['09:00:00', '09:00:01', '09:00:02', '09:00:03', '09:00:04']);
    expect(afterFailure(locked, at('09:15:04'), policy)).toEqual({ failures: 1, windowStartedAt: at('09:15:04'), lockedUntil: null });
  });

  it('with a limit of 1 the first failure locks', () => {
    expect(afterFailure(NO_FAILURES, at('09:00:00'), { ...policy, maxFailures: 1 }).lockedUntil).toEqual(at('09:15:00'));
  });
});
