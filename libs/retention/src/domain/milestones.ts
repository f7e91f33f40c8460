import { addDays, addMonths, RuleViolation } from '@saeil/core';
import { FOLLOW_UP_MILESTONES, isMilestoneNumber, MilestoneNumber, ScheduledMilestone } from './events';

/** How many days before and after a milestone date a follow-up counts as on time (configurable per deployment). */
export interface ContactWindowPolicy {
  daysBefore: number;
  daysAfter: number;
}

/** First and last day of the window, both inclusive. */
export interface ContactWindow {
  opensOn: string;
  closesOn: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function requireDay(field: string, day: string): void {
  const match = DAY.exec(day);
  const exists = match !== null && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if (!exists)
    throw new RuleViolation('DATE_INVALID', `${field}은(는) 존재하는 날짜(YYYY-MM-DD)여야 합니다: ${day}`, {
      field,
      date: day,
    });
}

/** n is 1, 2 or 3; anything else (a typo in a request, a fourth month) is UNKNOWN_MILESTONE. */
export function requireMilestoneNumber(n: unknown): MilestoneNumber {
  if (!isMilestoneNumber(n)) {
    throw new RuleViolation(
      'UNKNOWN_MILESTONE',
      `사후관리 차수는 ${FOLLOW_UP_MILESTONES.join(', ')}개월 중 하나여야 합니다.`,
      { n, known: [...FOLLOW_UP_MILESTONES] },
    );
  }
  return n;
}

/**
 * The glossary's milestone date: start date + n calendar months, or the last day of that month
 * when it has no such day (2025-01-31 + 1 → 2025-02-28; 2024-01-31 + 1 → 2024-02-29).
 */
export function milestoneDate(startOn: string, n: MilestoneNumber): string {
  requireDay('startOn', startOn);
  return addMonths(startOn, requireMilestoneNumber(n));
}

export function requireContactWindowPolicy(policy: ContactWindowPolicy): void {
  const valid = (days: number) => Number.isInteger(days) && days >= 0;
  if (!valid(policy.daysBefore) || !valid(policy.daysAfter)) {
    throw new RuleViolation(
      'CONTACT_WINDOW_INVALID',
      '사후관리 연락 기간(daysBefore, daysAfter)은 0 이상의 정수(일)여야 합니다.',
      { ...policy },
    );
  }
}

/** The days around a milestone on which a follow-up is expected: due from opensOn, overdue after closesOn. */
export function contactWindow(milestone: string, policy: ContactWindowPolicy): ContactWindow {
  requireDay('milestone', milestone);
  requireContactWindowPolicy(policy);
  return { opensOn: addDays(milestone, -policy.daysBefore), closesOn: addDays(milestone, policy.daysAfter) };
}

/** Due = the window has opened (today ≥ opensOn). */
export function windowHasOpened(window: ContactWindow, today: string): boolean {
  return today >= window.opensOn;
}

/** Closed = the window's last day has passed (today > closesOn); without a follow-up that is overdue. */
export function windowHasClosed(window: ContactWindow, today: string): boolean {
  return today > window.closesOn;
}

/** The three milestones of a placement starting on startOn, each with its contact window. */
export function scheduleMilestones(startOn: string, policy: ContactWindowPolicy): ScheduledMilestone[] {
  return FOLLOW_UP_MILESTONES.map((n) => {
    const dueOn = milestoneDate(startOn, n);
    return { n, dueOn, ...contactWindow(dueOn, policy) };
  });
}
