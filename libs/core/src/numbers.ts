import { buildMessage, ValidateBy } from 'class-validator';

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
      defaultMessage: buildMessage((each) => `${each}$property must be a number with at most ${places} decimal place(s)`),
    },
  });
}
