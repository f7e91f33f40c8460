import { RuleViolation } from '@saeil/core';

/** ISO dates (YYYY-MM-DD) compare correctly as strings. */
export function requireNotInFuture(field: string, date: string, today: string): void {
  if (date > today) throw new RuleViolation('DATE_IN_FUTURE', `${date}은(는) 미래 날짜입니다. 일어난 일만 기록할 수 있습니다.`, { field, date, today });
}

export function requireInOrder(earlierField: string, earlier: string, laterField: string, later: string): void {
  if (later < earlier) {
    throw new RuleViolation('DATES_OUT_OF_ORDER', `${laterField}(${later})이(가) ${earlierField}(${earlier})보다 앞설 수 없습니다.`, { [earlierField]: earlier, [laterField]: later });
  }
}
