import { clockFor, fixedClock, systemClock } from './clock';
import { todayInKorea } from './dates';

describe('clock', () => {
  it('is the Korean calendar day when nothing pins it', () => {
    expect(clockFor(undefined)).toBe(systemClock);
    expect(systemClock.today()).toBe(todayInKorea());
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
