import { RuleViolation } from '@saeil/core';
import { contactWindow, milestoneDate, scheduleMilestones, windowHasClosed, windowHasOpened } from './milestones';
import type { MilestoneNumber } from './events';

function refusal(act: () => unknown): RuleViolation {
  try {
    act();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('milestone date: start + N calendar months, else the last day of that month', () => {
  it.each<[string, MilestoneNumber, string]>([
    ['2025-03-10', 1, '2025-04-10'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-01-31', 2, '2025-03-31'],
    ['2025-01-31', 3, '2025-04-30'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-29'],
    ['2024-02-29', 3, '2024-05-29'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2025-08-31', 2, '2025-10-31'],
    ['2025-08-31', 3, '2025-11-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-12-15', 2, '2026-02-15'],
    ['2025-12-15', 3, '2026-03-15'],
    ['2025-10-31', 3, '2026-01-31'],
  ])('%s + %d month(s) → %s', (startOn, n, expected) => {
    expect(milestoneDate(startOn, n)).toBe(expected);
  });

  it('refuses a fourth month or month 0 (UNKNOWN_MILESTONE) and a start date that does not exist (DATE_INVALID)', () => {
    expect(refusal(() => milestoneDate('2025-01-31', 4 as MilestoneNumber)).code).toBe('UNKNOWN_MILESTONE');
    expect(refusal(() => milestoneDate('2025-01-31', 0 as MilestoneNumber)).code).toBe('UNKNOWN_MILESTONE');
    expect(refusal(() => milestoneDate('2025-02-30', 1)).code).toBe('DATE_INVALID');
    expect(refusal(() => milestoneDate('2025/01/31', 1)).code).toBe('DATE_INVALID');
  });
});

describe('contact window around a milestone', () => {
  it('opens daysBefore and closes daysAfter the milestone, both days inclusive', () => {
    expect(contactWindow('2025-02-28', { daysBefore: 7, daysAfter: 14 })).toEqual({
      opensOn: '2025-02-21',
      closesOn: '2025-03-14',
    });
  });

  it('crosses month and year ends, and a leap day', () => {
    expect(contactWindow('2026-01-02', { daysBefore: 3, daysAfter: 0 })).toEqual({
      opensOn: '2025-12-30',
      closesOn: '2026-01-02',
    });
    expect(contactWindow('2024-02-27', { daysBefore: 0, daysAfter: 3 })).toEqual({
      opensOn: '2024-02-27',
      closesOn: '2024-03-01',
    });
  });

  it('can be the milestone day alone', () => {
    expect(contactWindow('2025-04-10', { daysBefore: 0, daysAfter: 0 })).toEqual({
      opensOn: '2025-04-10',
      closesOn: '2025-04-10',
    });
  });

  it.each([
    { daysBefore: -1, daysAfter: 7 },
    { daysBefore: 7, daysAfter: 1.5 },
    { daysBefore: Number.NaN, daysAfter: 7 },
  ])('refuses a window of %p (CONTACT_WINDOW_INVALID)', (policy) => {
    expect(refusal(() => contactWindow('2025-04-10', policy)).code).toBe('CONTACT_WINDOW_INVALID');
  });

  it('is due from the opening day and closed (overdue without a follow-up) only after the closing day', () => {
    const window = { opensOn: '2025-04-03', closesOn: '2025-04-24' };
    expect(windowHasOpened(window, '2025-04-02')).toBe(false);
    expect(windowHasOpened(window, '2025-04-03')).toBe(true);
    expect(windowHasClosed(window, '2025-04-24')).toBe(false);
    expect(windowHasClosed(window, '2025-04-25')).toBe(true);
  });

  it('schedules months 1, 2 and 3 of a placement, each with its window', () => {
    expect(scheduleMilestones('2025-01-31', { daysBefore: 7, daysAfter: 14 })).toEqual([
      { n: 1, dueOn: '2025-02-28', opensOn: '2025-02-21', closesOn: '2025-03-14' },
      { n: 2, dueOn: '2025-03-31', opensOn: '2025-03-24', closesOn: '2025-04-14' },
      { n: 3, dueOn: '2025-04-30', opensOn: '2025-04-23', closesOn: '2025-05-14' },
    ]);
  });
});
