import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticationRequired } from '../principal/auth-errors';
import type { AuthenticatedRequest } from './auth.guard';

/** The authenticated caller, on a route guarded by `@Roles(...)` / `@Authenticated()`. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  // A route without the guard has no principal: failing closed beats handing on undefined.
  if (!principal) throw new AuthenticationRequired();
  return principal;
});
