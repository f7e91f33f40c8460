import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '../domain/roles';
import { AccessDenied, AuthenticationRequired } from '../principal/auth-errors';
import { AccessTokenVerifier, Principal } from '../principal/principal';

/** Metadata key of the roles a route admits (set by `@Roles`). */
export const ROLES_KEY = 'saeil:roles';

export type AuthenticatedRequest = Request & { principal?: Principal };

/** `Authorization: Bearer <token>` → the principal on the request, or 401; a role not listed → 403. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) throw new AuthenticationRequired();
    const principal = await this.verifier.verify(token);
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]) ?? [];
    if (roles.length > 0 && !roles.includes(principal.role)) throw new AccessDenied();
    return true;
  }
}

export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header ?? '');
  return match?.[1];
}
