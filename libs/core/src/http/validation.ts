import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { FieldError, ValidationFailed } from '../errors/domain-errors';

type Constructor<T> = new (...args: any[]) => T;

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ field, code, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
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
  const instance = plainToInstance(cls, plain, { enableImplicitConversion: false }) as T;
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) throw new ValidationFailed(flatten(errors));
  return instance;
}

/** Nest pipe that runs `validateDto` on bodies and queries typed with a DTO class. */
@Injectable()
export class DtoValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const type = metadata.metatype;
    if (!type || [String, Number, Boolean, Array, Object].includes(type as never)) return value;
    if (metadata.type !== 'body' && metadata.type !== 'query') return value;
    return validateDto(type as Constructor<object>, value ?? {});
  }
}
