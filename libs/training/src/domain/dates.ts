import { RuleViolation } from '@saeil/core';

/**
 * Dates are ISO calendar days (YYYY-MM-DD), which compare correctly as strings. "Today" is the
 * day in Korea, handed to the decider by the handler so tests can fix it.
 */
export function refuseFutureDate(date: string, today: string, field: string): void {
  if (date > today) throw new RuleViolation('DATE_IN_FUTURE', `${date}은(는) 미래 날짜입니다. 이미 일어난 일만 기록할 수 있습니다.`, { field, date, today });
}
