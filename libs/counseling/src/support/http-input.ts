import { isUuid, ValidationFailed } from '@saeil/core';

/** A path id of a query route: malformed → 400 on that field (a well-formed unknown id is a 404 later). */
export function requireUuidParam(field: string, value: string): string {
  if (!isUuid(value)) throw new ValidationFailed([{ field, code: 'isUuid', message: `${field} must be a UUID` }]);
  return value;
}
