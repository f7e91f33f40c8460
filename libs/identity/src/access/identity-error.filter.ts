import { ArgumentsHost, Catch } from '@nestjs/common';
import type { Response } from 'express';
import { SaeilErrorFilter } from '@saeil/core';
import { AuthError } from '../principal/auth-errors';

/**
 * The shared error filter plus the authentication refusals (401, 403, 423, 429 with a code and,
 * for locks, Retry-After). Applied with the guard (`@UseFilters`) on the identity endpoints;
 * when the guard is applied to every endpoint, these mappings belong in @saeil/core's filter, the
 * one place for HTTP error mapping.
 */
@Catch()
export class IdentityErrorFilter extends SaeilErrorFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (!(exception instanceof AuthError)) return super.catch(exception, host);
    const response = host.switchToHttp().getResponse<Response>();
    if (exception.retryAfterSeconds) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (exception.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(exception.status).json({ error: { code: exception.code, message: exception.message } });
  }
}
