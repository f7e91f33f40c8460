import { inKoreanOncePerField } from '../validation/field-errors';

/**
 * Typed errors shared by every module. They are mapped to HTTP exactly once, in
 * `http/error.filter.ts`, and to reply messages on the Kafka command topic; domain code
 * only throws them and never knows about status codes.
 */

export interface FieldError {
  /** Dotted path of the offending field, e.g. `birthDate` or `address.region`. */
  field: string;
  /** Machine-readable reason, e.g. `isDateString`, `whitelistValidation`. */
  code: string;
  /** Human-readable reason. */
  message: string;
}

export abstract class SaeilError extends Error {
  abstract readonly kind: 'validation' | 'rule' | 'not_found' | 'conflict' | 'unavailable' | 'forbidden';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Input that is malformed: 400. Nothing was appended. Each field is reported once, in Korean
 * naming its label ("상담 주제를 입력하세요."), with its machine-readable code.
 */
export class ValidationFailed extends SaeilError {
  readonly kind = 'validation' as const;
  readonly fields: FieldError[];
  constructor(fields: FieldError[]) {
    const once = inKoreanOncePerField(fields);
    super('VALIDATION_FAILED', `입력값이 올바르지 않습니다. ${once.map((f) => f.message).join(' ')}`);
    this.fields = once;
  }
}

/** A business rule refused the command: 422. `message` is meant for a counselor (Korean). */
export class RuleViolation extends SaeilError {
  readonly kind = 'rule' as const;
  constructor(
    code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(code, message);
  }
}

/** Unknown id, or an id the caller may not see: 404. */
export class NotFound extends SaeilError {
  readonly kind = 'not_found' as const;
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id}을(를) 찾을 수 없습니다.`);
  }
}

/** Optimistic concurrency: somebody else wrote the stream first: 409. */
export class ConcurrencyConflict extends SaeilError {
  readonly kind = 'conflict' as const;
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'no_stream',
    readonly actualVersion: number | null,
  ) {
    super(
      'VERSION_CONFLICT',
      `다른 사용자가 먼저 수정했습니다. 새로 고친 뒤 다시 시도하세요. (stream ${streamId}: expected ${expectedVersion}, actual ${actualVersion ?? 'none'})`,
    );
  }
}

/** The same idempotency key was used for a different command: 422. */
export class IdempotencyKeyReused extends SaeilError {
  readonly kind = 'rule' as const;
  constructor(key: string) {
    super('IDEMPOTENCY_KEY_REUSED', `멱등 키 ${key}는 다른 요청에 이미 사용되었습니다.`);
  }
}

/** A dependency (the database) is down: 503, the caller may retry. */
export class ServiceUnavailable extends SaeilError {
  readonly kind = 'unavailable' as const;
  constructor(message = '데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도하세요.') {
    super('SERVICE_UNAVAILABLE', message);
  }
}

/**
 * The caller's center or region does not reach what she asked to act on (a record created for
 * another center): 403 with the field named. A record of another center named by id is a
 * NotFound instead, indistinguishable from a missing one.
 */
export class OutOfScope extends SaeilError {
  readonly kind = 'forbidden' as const;
  constructor(
    readonly field: string,
    message = '담당 센터(지역) 밖의 기록은 다룰 수 없습니다.',
  ) {
    super('OUT_OF_SCOPE', message);
  }
}
