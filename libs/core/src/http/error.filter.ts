import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { OutOfScope, SaeilError, ValidationFailed, RuleViolation } from '../errors/domain-errors';
import { AuthError } from '../errors/auth-refusal';
import { ErrorResponse } from './error-response';

const STATUS: Record<SaeilError['kind'], number> = {
  validation: HttpStatus.BAD_REQUEST,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  forbidden: HttpStatus.FORBIDDEN,
};

/** The error body, as documented in OpenAPI: the class and what the filter writes are one type. */
export type ErrorBody = ErrorResponse;

/** Maps a thrown error to the response body every endpoint shares. */
export function toErrorBody(error: SaeilError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error instanceof ValidationFailed) body.error.fields = error.fields;
  if (error instanceof RuleViolation && error.details) body.error.details = error.details;
  if (error instanceof OutOfScope)
    body.error.fields = [{ field: error.field, code: 'outOfScope', message: error.message }];
  return body;
}

export function statusOf(error: SaeilError): number {
  return STATUS[error.kind];
}

/**
 * Database connection failures surface as 503 instead of a stack trace. TypeORM releases a query
 * runner whose connection broke (its client's 'error' event), so the next statement of that
 * transaction fails with QueryRunnerAlreadyReleasedError: the same outage, seen one step later.
 */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = error instanceof Error ? error.message : '';
  if (error instanceof Error && error.name === 'QueryRunnerAlreadyReleasedError') return true;
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006'].includes(
      code,
    ) ||
    /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      message,
    )
  );
}

/** Every error answer goes through here, typed with the documented body. */
function send(response: Response, status: number, body: ErrorBody): void {
  response.status(status).json(body);
}

/**
 * Nothing internal (stack traces, SQL) ever leaves the process: domain errors get their
 * mapped status and code, Nest's own HTTP errors keep their status, everything else is a 500
 * with a generic message and a full log line.
 */
@Catch()
export class SaeilErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof SaeilError) {
      send(response, statusOf(exception), toErrorBody(exception));
      return;
    }
    if (exception instanceof AuthError) {
      if (exception.retryAfterSeconds) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
      if (exception.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
      send(response, exception.status, { error: { code: exception.code, message: exception.message } });
      return;
    }
    if (isConnectionError(exception)) {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      send(response, 503, {
        error: { code: 'SERVICE_UNAVAILABLE', message: '데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도하세요.' },
      });
      return;
    }
    const bodyParserType = (exception as { type?: string } | null)?.type;
    if (bodyParserType === 'entity.too.large') {
      send(response, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: '요청 본문이 너무 큽니다.' } });
      return;
    }
    if (exception instanceof BadRequestException) {
      // Our own validation throws ValidationFailed; a bare 400 comes from Nest mapping a body that
      // is not JSON or a malformed URL. Its message may quote the body, so it is not echoed.
      send(response, 400, {
        error: { code: 'MALFORMED_REQUEST', message: '요청 형식이 올바르지 않습니다 (JSON 본문 또는 URL).' },
      });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code =
        status === 404
          ? 'NOT_FOUND'
          : status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 429
              ? 'TOO_MANY_REQUESTS'
              : status === 400
                ? 'BAD_REQUEST'
                : `HTTP_${status}`;
      send(response, status, { error: { code, message: exception.message } });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    send(response, 500, { error: { code: 'INTERNAL_ERROR', message: '처리 중 오류가 발생했습니다.' } });
  }
}
