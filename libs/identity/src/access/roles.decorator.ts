import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ROLES, type Role } from '../domain/roles';
import { ROLES_KEY } from './auth.guard';

/**
 * The roles a route admits; the global AuthGuard refuses a call without a valid token (401) or
 * by another role (403). Every route that is not `@Public()` must carry one (on the route or its
 * controller): a route with none is refused to everyone.
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth());
}

/** Any authenticated account, whatever its role (her own session, her own password). */
export function Authenticated(): MethodDecorator & ClassDecorator {
  return Roles(...ROLES);
}
