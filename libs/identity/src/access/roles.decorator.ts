import { applyDecorators, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Role } from '../domain/roles';
import { AuthGuard, ROLES_KEY } from './auth.guard';
import { IdentityErrorFilter } from './identity-error.filter';

/**
 * The caller must present a valid access token and, when roles are named, hold one of them
 * (otherwise 401 without a token, 403 with the wrong role). On a controller or a route.
 * Applied so far only to the identity endpoints (README "Security (in progress)").
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(AuthGuard), UseFilters(IdentityErrorFilter), ApiBearerAuth());
}

/** Any authenticated account, whatever its role. */
export function Authenticated(): MethodDecorator & ClassDecorator {
  return Roles();
}
