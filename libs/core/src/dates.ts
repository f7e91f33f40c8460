import { buildMessage, IsString, ValidateBy } from 'class-validator';
import { RuleViolation } from './errors/domain-errors';

/**
 * Calendar days as the centers live them. Every date a counselor enters is a Korean calendar
 * day, YYYY-MM-DD; such strings compare correctly as strings and carry no time zone.
 */

const KOREAN_CALENDAR = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today on the Korean calendar (YYYY-MM-DD), whatever the server's time zone: what "in the future" is measured against. */
export function todayInKorea(now = new Date()): string {
  return KOREAN_CALENDAR.format(now);
}

/**
 * metadata.occurredAt of a command dated by a day (occurredOn, heldOn, startOn …). Such a
 * command has no time of day: the date part of occurredAt is exactly the Korean calendar date
 * the counselor entered, and that date part is what statistics and timelines read. Midnight UTC
 * is only the notation (it is not the start of the Korean day).
 */
export function occurredAtOfDay(day: string): string {
  return `${day}T00:00:00.000Z`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar days Saeil accepts anywhere, body or query: 1900-01-01 to 2099-12-31. Before 1900
 * no woman it serves was born and no record of it happened; after 2099 nothing is planned. A day
 * outside is a typo or a probe (0000-01-01, 9999-12-31), refused as a 400 rather than carried
 * into date arithmetic, SQL date casts and statistics ranges.
 */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2099-12-31';

/** YYYY-MM-DD, a day that exists (2024-02-30 does not; 2024-02-29 does), between FIRST_DAY and LAST_DAY. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (value < FIRST_DAY || value > LAST_DAY || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A calendar date field, in a body or a query: the one validator every date goes through
 * (`isCalendarDay`), so an impossible or extreme day is a 400 naming the field (code `isDateOnly`)
 * and never reaches the database.
 */
export function IsDateOnly(options: { each?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    IsString({ each: options.each })(target, key);
    ValidateBy(
      {
        name: 'isDateOnly',
        validator: {
          validate: (value) => isCalendarDay(value),
          defaultMessage: buildMessage(
            (each) => `${each}$property must be a day that exists, YYYY-MM-DD, from ${FIRST_DAY} to ${LAST_DAY}`,
          ),
        },
      },
      { each: options.each },
    )(target, key);
  };
}

/** Counselors record late, so past dates are normal; a date after today (in Korea) is a typo: 422 DATE_IN_FUTURE. */
export function requireNotInFuture(field: string, date: string, today: string): void {
  if (date > today)
    throw new RuleViolation('DATE_IN_FUTURE', `${date}은(는) 미래 날짜입니다. 이미 일어난 일만 기록할 수 있습니다.`, {
      field,
      date,
      today,
    });
}

/** `later` may not come before `earlier` (nor be the same day, when `strictly`): 422 DATES_OUT_OF_ORDER. */
export function requireInOrder(
  earlierField: string,
  earlier: string,
  laterField: string,
  later: string,
  strictly = false,
): void {
  if (later < earlier || (strictly && later === earlier)) {
    throw new RuleViolation(
      'DATES_OUT_OF_ORDER',
      `${laterField}(${later})이(가) ${earlierField}(${earlier})보다 앞설 수 없습니다.`,
      { [earlierField]: earlier, [laterField]: later },
    );
  }
}

/** Calendar arithmetic, in UTC so that no time zone shifts the day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The same day N months later, or the last day of that month when it has no such day
 * (2025-01-31 + 1 month → 2025-02-28): the glossary's milestone rule.
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** The same day N years later (29 February → 28 February in a common year). */
export function addYears(day: string, years: number): string {
  return addMonths(day, 12 * years);
}
