import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticationRequired } from '../principal/auth-errors';
import type { AuthenticatedRequest } from './auth.guard';

/**
 * The caller and her reach (`RequestAccess`) on a route the global guard admitted: list queries
 * filter by `access.centerIds()`, figures check `access.coversLevel(level, id)`.
 */
export const CurrentAccess = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const access = context.switchToHttp().getRequest<AuthenticatedRequest>().access;
  if (!access) throw new AuthenticationRequired();
  return access;
});
