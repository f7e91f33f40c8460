import {
  afterFailure,
  delayAfter,
  lockedUntil,
  NO_FAILURES,
  retryAfterSeconds,
  ThrottlePolicy,
  ThrottleState,
} from './login-throttle';

const DAY = 24 * 60 * 60_000;
const pair: ThrottlePolicy = {
  delayFrom: 5,
  baseDelayMs: 30_000,
  doublingEvery: 1,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: DAY,
};
const ceiling: ThrottlePolicy = { ...pair, delayFrom: 100, doublingEvery: 10 };
const at = (hhmmss: string) => new Date(`2026-03-02T${hhmmss}Z`);

function failAt(times: string[], policy = pair, start: ThrottleState = NO_FAILURES): ThrottleState {
  return times.reduce((state, t) => afterFailure(state, at(t), policy), start);
}

describe('login throttle', () => {
  it('given 4 failures, she may try again at once', () => {
    const state = failAt(['09:00:00', '09:01:00', '09:05:00', '09:14:00']);
    expect(state).toEqual({ failures: 4, lastFailureAt: at('09:14:00'), lockedUntil: null });
    expect(lockedUntil(state, at('09:14:00'))).toBeUndefined();
  });

  it('the 5th failure makes her wait 30 seconds; each further one doubles the wait, up to 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 50].map((n) => delayAfter(n, pair) / 1000)).toEqual([
      0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900,
    ]);
    const state = failAt(['09:00:00', '09:00:01', '09:00:02', '09:00:03', '09:00:04']);
    expect(state.lockedUntil).toEqual(at('09:00:34'));
    expect(retryAfterSeconds(state, at('09:00:14'))).toBe(20);
    const next = afterFailure(state, at('09:00:34'), pair);
    expect(next.lockedUntil).toEqual(at('09:01:34'));
  });

  it('a ceiling grows slowly: the same wait for ten failures, then twice as long', () => {
    expect([99, 100, 109, 110, 119, 120, 130].map((n) => delayAfter(n, ceiling) / 1000)).toEqual([
      0, 30, 30, 60, 60, 120, 240,
    ]);
  });

  it('a failure during a wait changes nothing: the wait ends when it was announced', () => {
    const waiting = failAt(['09:00:00', '09:00:01', '09:00:02', '09:00:03', '09:00:04']);
    expect(afterFailure(waiting, at('09:00:10'), pair)).toBe(waiting);
  });

  it('a day after the last failure, the count starts again from one', () => {
    const waiting = failAt(['09:00:00', '09:00:01', '09:00:02', '09:00:03', '09:00:04']);
    const nextDay = new Date(at('09:00:04').getTime() + DAY);
    expect(afterFailure(waiting, nextDay, pair)).toEqual({ failures: 1, lastFailureAt: nextDay, lockedUntil: null });
  });

  it('with a limit of 1 the first failure makes her wait', () => {
    expect(afterFailure(NO_FAILURES, at('09:00:00'), { ...pair, delayFrom: 1 }).lockedUntil).toEqual(at('09:00:30'));
  });
});
