import { isUuid, ValidationFailed, validateDto } from '@saeil/core';

type Constructor<T> = new (...args: any[]) => T;

/**
 * The command DTO of a route whose ids are in the path: the same DTO the Kafka command topic
 * validates (ids included), built from the path and the body so both doors share one
 * validation and every bad field, path ids included, is reported in one 400.
 */
export function dtoFromPathAndBody<T extends object>(dto: Constructor<T>, path: Record<string, string>, body: unknown): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationFailed([{ field: '(body)', code: 'isObject', message: 'body must be a JSON object' }]);
  }
  const conflicting = Object.keys(path).filter((key) => key in body && (body as Record<string, unknown>)[key] !== path[key]);
  if (conflicting.length > 0) {
    throw new ValidationFailed(conflicting.map((field) => ({ field, code: 'pathMismatch', message: `${field} is given by the URL path` })));
  }
  return validateDto(dto, { ...body, ...path });
}

/** A path id of a query route: malformed → 400 on that field (a well-formed unknown id is a 404 later). */
export function requireUuidParam(field: string, value: string): string {
  if (!isUuid(value)) throw new ValidationFailed([{ field, code: 'isUuid', message: `${field} must be a UUID` }]);
  return value;
}
