import { clockFor, fixedClock, systemClock } from './clock';

describe('clock', () => {
  it('is the Korean calendar day when nothing pins it', () => {
    expect(clockFor(undefined)).toBe(systemClock);
    // Korea is UTC+9 all year (no daylight saving): computed here without the code under test;
    // either side of a midnight that passes during the call is accepted.
    const korean = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const before = korean();
    const today = systemClock.today();
    expect([before, korean()]).toContain(today);
  });

  it('stays on the pinned day (SAEIL_CLOCK_TODAY, tests and drills)', () => {
    const clock = clockFor('2026-02-21');
    expect(clock.today()).toBe('2026-02-21');
    expect(clock.today()).toBe('2026-02-21');
  });

  it('refuses a day that does not exist', () => {
    expect(() => fixedClock('2026-02-30')).toThrow('2026-02-30');
    expect(() => fixedClock('21.02.2026')).toThrow();
  });
});
