import { RuleViolation } from '@saeil/core';

/**
 * Counselors record late, so dates in the past are normal; a date after today is a typo.
 * `today` is the decision day in Korea, injected by the handler so tests control it.
 */
export function requireNotInFuture(date: string, today: string, field: string): void {
  if (date > today) {
    throw new RuleViolation('DATE_IN_FUTURE', `${date}은(는) 아직 오지 않은 날짜입니다. 실제로 있었던 날짜를 입력하세요.`, { field, date, today });
  }
}
