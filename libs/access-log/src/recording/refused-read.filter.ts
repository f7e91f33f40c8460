import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger, Type } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { AuthError, SaeilError, SaeilErrorFilter, statusOf } from '@saeil/core';
import type { Principal } from '@saeil/identity';
import { appendAccessLog } from './access-log.writer';
import type { AccessLoggedMetadata } from './access-logged.decorator';
import { routeOf } from './access-log.interceptor';

const MAX_SUBJECT = 200;

/**
 * Logs a refused read of a person's data: an authenticated account answered 403 or 404 on a route
 * that names whose data it shows (another center's client, one that does not exist). The scope
 * check that refuses it runs in the global guard, before any interceptor, so this is an exception
 * filter on the route: it writes the row with outcome `refused`, then answers as SaeilErrorFilter
 * would. A row that cannot be written is logged as an error; the refusal is answered anyway (it
 * shows nothing).
 */
export function refusedReadFilterFor(meta: AccessLoggedMetadata): Type<ExceptionFilter> {
  @Catch()
  class RefusedReadFilter extends RefusedReadLogger {
    constructor(@Inject(DataSource) dataSource: DataSource) {
      super(dataSource, meta);
    }
  }
  return RefusedReadFilter;
}

export class RefusedReadLogger implements ExceptionFilter {
  private readonly answer = new SaeilErrorFilter();
  private readonly logger = new Logger('access-log');

  constructor(
    private readonly dataSource: DataSource,
    private readonly meta: AccessLoggedMetadata,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const subject = typeof this.meta.subject === 'string' ? req.params?.[this.meta.subject] : undefined;
    if (!req.principal || typeof subject !== 'string' || !isRefusal(exception))
      return this.answer.catch(exception, host);
    const principal = req.principal;
    appendAccessLog(this.dataSource, [
      {
        actorId: principal.accountId,
        actorKind: 'account',
        actorCenterId: principal.centerId ?? null,
        sourceAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        action: this.meta.action,
        subjectClientId: storable(subject).slice(0, MAX_SUBJECT),
        route: storable(routeOf(req.method, req.originalUrl)),
        reason: null,
        outcome: 'refused',
      },
    ])
      .catch((error) => this.logger.error(`a refused read could not be logged: ${(error as Error).message}`))
      .finally(() => this.answer.catch(exception, host));
  }
}

/** 403 or 404: the caller may not see this person (or she does not exist). 400 and 401 are not reads. */
function isRefusal(exception: unknown): boolean {
  if (exception instanceof SaeilError) return [403, 404].includes(statusOf(exception));
  if (exception instanceof AuthError) return exception.status === 403;
  if (exception instanceof HttpException) return [403, 404].includes(exception.getStatus());
  return false;
}

/** PostgreSQL text holds no NUL and no lone surrogate: what a caller put in the path is kept, made storable. */
function storable(text: string): string {
  return text.replace(/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
