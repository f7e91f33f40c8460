import { randomUUID } from 'node:crypto';
import { Matches } from 'class-validator';

export const newId = (): string => randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** Center and counselor ids, e.g. `center-naju`, `counselor-kim` (until accounts land, issue 5). */
export const CENTER_OR_COUNSELOR_ID = /^[\w-]{1,64}$/;

/** A center or counselor id field (or, with `each`, a list of them): 1–64 letters, digits, "_" or "-". */
export function IsCenterOrCounselorId(options: { each?: boolean } = {}): PropertyDecorator {
  const message = `${options.each ? 'each of ' : ''}$property must be 1–64 letters, digits, "_" or "-"`;
  return Matches(CENTER_OR_COUNSELOR_ID, { each: options.each, message });
}
