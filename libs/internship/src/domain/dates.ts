import { RuleViolation } from '@saeil/core';

/**
 * Calendar days as ISO strings (YYYY-MM-DD), which compare correctly as strings. Month
 * arithmetic follows the glossary's milestone rule: the same day N months later, or the last day
 * of that month when it has no such day (2025-01-31 + 1 month → 2025-02-28).
 */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

export function refuseFutureDate(date: string, today: string, field: string): void {
  if (date > today) throw new RuleViolation('DATE_IN_FUTURE', `${date}은(는) 미래 날짜입니다. 이미 일어난 일만 기록할 수 있습니다.`, { field, date, today });
}
