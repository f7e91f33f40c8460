import { Transform } from 'class-transformer';
import { buildMessage, IsInt, Max, Min, ValidateBy } from 'class-validator';

/** True for a finite number with at most `places` decimal places (3e-323 has 323). */
export function hasAtMostDecimals(value: unknown, places: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;
}

/**
 * A finite number with at most `places` decimal places (hours, years of experience). Instead of
 * class-validator's `IsNumber({ maxDecimalPlaces })`, which throws a TypeError — a 500 — on a
 * number written in exponent notation (`3e-323`, `1e-7`). Same error code, `isNumber`.
 */
export function IsDecimal(places: number): PropertyDecorator {
  return ValidateBy({
    name: 'isNumber',
    constraints: [places],
    validator: {
      validate: (value) => hasAtMostDecimals(value, places),
      defaultMessage: buildMessage(
        (each) => `${each}$property must be a number with at most ${places} decimal place(s)`,
      ),
    },
  });
}

/** The furthest page any list may be asked for: past it there is nothing, and the offset must stay far inside PostgreSQL's bigint. */
export const MAX_PAGE = 100_000;

/** Positions, counts and other integers with no smaller natural bound: what JavaScript holds exactly (2^53 - 1). */
export const MAX_QUERY_INT = Number.MAX_SAFE_INTEGER;

/** Up to 16 digits: a query string's integer; anything else (1e400, 0x1F, 3.5, -1, "") stays a string for IsInt to refuse. */
const toQueryInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;

/**
 * An integer query parameter (`page`, `pageSize`, `minPosition`, `asOfPosition`, `waitMs`,
 * `decimals` …): the one parser and bound for all of them. Digits only, between `min` and `max`
 * (default `MAX_QUERY_INT`); `99999999999999999999`, `1e400` or `-1` are a 400 naming the field,
 * never a number PostgreSQL's bigint overflows on.
 */
export function IsQueryInt(min: number, max: number = MAX_QUERY_INT): PropertyDecorator {
  return (target, key) => {
    Transform(toQueryInt)(target, key);
    IsInt()(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };
}
