import { occurredAtOfDay, todayInKorea } from './dates';

describe('dates as counselors in Korea see them', () => {
  it('today is the Korean date, whatever the server clock’s zone (a morning in Seoul is the previous day in UTC)', () => {
    expect(todayInKorea(new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22');
    expect(todayInKorea(new Date('2026-11-22T14:59:59Z'))).toBe('2026-11-22');
    expect(todayInKorea(new Date('2026-11-22T15:00:00Z'))).toBe('2026-11-23');
  });

  it('a day becomes an occurredAt whose UTC and Korean dates are both that day', () => {
    const at = occurredAtOfDay('2025-03-04')!;
    expect(at.slice(0, 10)).toBe('2025-03-04');
    expect(todayInKorea(new Date(at))).toBe('2025-03-04');
    expect(occurredAtOfDay(undefined)).toBeUndefined();
  });
});
