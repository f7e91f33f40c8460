import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { FieldError, ValidationFailed } from '../errors/domain-errors';
import { checkedText } from './text-integrity';
import { constraintsOf, firstRule, koreanMessage, labelOfPath } from '../validation/korean-messages';

type Constructor<T> = ClassConstructor<T>;

/** The DTO class a property belongs to (the validated object's own class; none for an array's items). */
const classOf = (target: unknown): Function | undefined =>
  target !== null && typeof target === 'object' && !Array.isArray(target) ? target.constructor : undefined;

/**
 * One problem per field, in Korean naming its label: of the rules it broke, the one that matters
 * first (presence and type before length and range), with the DTO's own bounds in the sentence.
 */
function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const codes = Object.keys(error.constraints ?? {});
    const target = classOf(error.target);
    const own: FieldError[] = [];
    if (codes.length > 0) {
      const code = firstRule(codes);
      own.push({
        field,
        code,
        message: koreanMessage(code, labelOfPath(field, target?.name), constraintsOf(target, error.property, code)),
      });
    }
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Deeper than any command (a list of objects inside the body is 3 levels). */
export const MAX_BODY_DEPTH = 10;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * class-transformer recurses once per level (thousands of levels overflow the stack) and throws a
 * TypeError on an object with a `constructor` key below the top: both would be a 500 instead of a
 * 400. So the body's shape is checked first, without recursion. No command has such a key.
 */
function unsafeShape(plain: object): FieldError | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: plain, path: '', depth: 1 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_BODY_DEPTH)
      return { field: path, code: 'maxDepth', message: `nested deeper than ${MAX_BODY_DEPTH} levels` };
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return { field, code: 'forbiddenKey', message: `${key} is not a field name` };
      pending.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The single validation path for commands, whether they arrive over HTTP or over the Kafka
 * command topic: unknown fields are rejected (whitelisting), types are converted only where a
 * DTO asks for it, and every problem is reported with its field and a machine-readable code.
 */
export function validateDto<T extends object>(cls: Constructor<T>, plain: unknown): T {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    throw new ValidationFailed([{ field: '(body)', code: 'isObject', message: 'body must be a JSON object' }]);
  }
  const shapeError = unsafeShape(plain);
  if (shapeError) throw new ValidationFailed([shapeError]);
  const instance = plainToInstance(cls, checkedText(plain), { enableImplicitConversion: false }) as T;
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // target: the class of each object, for its labels and its rules' bounds (never sent out).
    validationError: { target: true, value: false },
  });
  if (errors.length > 0) throw new ValidationFailed(flatten(errors));
  return instance;
}

/**
 * The command DTO of a route with ids in its path: the DTO the Kafka command topic validates,
 * ids included, built from the path and the body so that both doors share one validation and
 * every bad field, path ids too, is reported in one 400 (a malformed id is a 400 on that field).
 * A body naming an id differently from the URL is refused (code `pathMismatch`) rather than
 * silently overridden. Controllers take the body as `unknown` for this (the pipe leaves it alone).
 */
export function dtoWithPathIds<T extends object>(cls: Constructor<T>, body: unknown, ids: Record<string, string>): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return validateDto(cls, body);
  const given = body as Record<string, unknown>;
  const mismatched = Object.keys(ids).filter((field) => field in given && given[field] !== ids[field]);
  if (mismatched.length > 0) {
    throw new ValidationFailed(
      mismatched.map((field) => ({
        field,
        code: 'pathMismatch',
        message: `${field} is taken from the URL; leave it out of the body`,
      })),
    );
  }
  return validateDto(cls, { ...given, ...ids });
}

/**
 * Nest pipe (global) that runs `validateDto` on bodies and queries typed with a DTO class, and the
 * text check (`checkedText`: no U+0000 or lone surrogate, NFC) on every other body, query and path
 * parameter, so a route taking `@Query('id') id: string` or a raw body is covered too.
 */
@Injectable()
export class DtoValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const type = metadata.metatype;
    if (metadata.type === 'param' || !type || [String, Number, Boolean, Array, Object].includes(type as never)) {
      return checkedText(value, metadata.data ?? (metadata.type === 'body' ? '(body)' : metadata.type));
    }
    return validateDto(type as Constructor<object>, value ?? {});
  }
}
