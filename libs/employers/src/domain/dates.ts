import { RuleViolation } from '@saeil/core';

/** ISO dates (YYYY-MM-DD) compare correctly as strings. */
export function requireNotInFuture(field: string, date: string, today: string): void {
  if (date > today) throw new RuleViolation('DATE_IN_FUTURE', `${date}은(는) 미래 날짜입니다. 일어난 일만 기록할 수 있습니다.`, { field, date, today });
}

export function requireInOrder(earlierField: string, earlier: string, laterField: string, later: string, strictly = false): void {
  if (later < earlier || (strictly && later === earlier)) {
    throw new RuleViolation('DATES_OUT_OF_ORDER', `${laterField}(${later})이(가) ${earlierField}(${earlier})보다 앞설 수 없습니다.`, { [earlierField]: earlier, [laterField]: later });
  }
}

/** Calendar arithmetic on ISO dates, in UTC so no time zone shifts the day. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Same day N years later (29 Feb → 28 Feb in a common year). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
