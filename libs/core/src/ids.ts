import { randomUUID } from 'node:crypto';
import { Matches, ValidateBy, ValidationOptions } from 'class-validator';

export const newId = (): string => randomUUID();

/**
 * Every id has one canonical form, and only that form names a record: a UUID is written in lower
 * case, hyphenated, nothing around it (what `newId` makes and PostgreSQL prints). Another spelling
 * of the same UUID (upper case, braces, whitespace, no hyphens, a URN) is not canonicalized: it is
 * refused at the edge (400 VALIDATION_FAILED naming the field), by the DTO validators of both
 * doors (`IsRecordId`) and, for path parameters and the records a route names, by the access guard
 * (`canonicalIdProblem`) before anything looks a record up. So a lookup that ignores case (a
 * `uuid` column) and one that does not (a stream id) can never disagree about which record an id
 * names.
 */
export const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && CANONICAL_UUID.test(value);

/**
 * Center and counselor ids, e.g. `center-naju`, `counselor-kim`: 1–64 lower-case letters, digits,
 * "_" or "-", starting with a letter or digit — again one form only (`CENTER-NAJU` or ` center-naju`
 * is refused, never taken for `center-naju`).
 */
export const CENTER_OR_COUNSELOR_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const isCenterOrCounselorId = (value: unknown): value is string =>
  typeof value === 'string' && CENTER_OR_COUNSELOR_ID.test(value);

/** A center or counselor id field (or, with `each`, a list of them), in its canonical form. */
export function IsCenterOrCounselorId(options: { each?: boolean } = {}): PropertyDecorator {
  const message = `${options.each ? 'each of ' : ''}$property must be 1–64 lower-case letters, digits, "_" or "-", starting with a letter or digit`;
  return Matches(CENTER_OR_COUNSELOR_ID, { each: options.each, message });
}

/**
 * A record id field (a client, course, program, placement … — or, with `each`, a list of them): a
 * UUID in its canonical form only. Used by every DTO instead of class-validator's `IsUUID`, which
 * takes upper case too. Code `isUuid`.
 */
export function IsRecordId(options: Pick<ValidationOptions, 'each'> = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUuid',
      validator: {
        validate: (value: unknown) => isUuid(value),
        defaultMessage: () =>
          `${options.each ? 'each of ' : ''}$property must be a UUID in lower case (8-4-4-4-12 hexadecimal digits, nothing around it)`,
      },
    },
    { each: options.each },
  );
}

/** Which canonical rule a path parameter or record field named `name` follows, if it is an id. */
export function idRuleOf(name: string): 'uuid' | 'center-or-counselor' | undefined {
  if (name === 'centerId' || name === 'counselorId' || name === 'counselorIds') return 'center-or-counselor';
  if (/Ids?$/.test(name)) return 'uuid';
  return undefined;
}

/**
 * Why `value`, given for the id field `field`, is not in its canonical form (a field error for a
 * 400), or undefined when it is (or when `field` is not an id). Lists are checked element by element.
 */
export function canonicalIdProblem(
  field: string,
  value: unknown,
  rule = idRuleOf(field),
): { field: string; code: string; message: string } | undefined {
  if (rule === undefined || value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  const ok = rule === 'uuid' ? isUuid : isCenterOrCounselorId;
  if (values.every((v) => ok(v))) return undefined;
  return rule === 'uuid'
    ? {
        field,
        code: 'isUuid',
        message: `${field} must be a UUID in lower case (8-4-4-4-12 hexadecimal digits, nothing around it)`,
      }
    : {
        field,
        code: 'matches',
        message: `${field} must be 1–64 lower-case letters, digits, "_" or "-", starting with a letter or digit`,
      };
}
