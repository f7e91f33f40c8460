import { CanActivate, ExecutionContext, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { NotFound, PUBLIC_KEY } from '@saeil/core';
import type { Role } from '../domain/roles';
import { AccessDenied, AuthenticationRequired } from '../principal/auth-errors';
import { AccessTokenVerifier, Principal } from '../principal/principal';
import { CenterRegions, centerIdsOf, coversCenter, coversLevel, RequestAccess, scopeOf } from './access-scope';
import { RECORD_KINDS, RecordCenters, SCOPED_RECORDS_KEY, ScopedRecordRef } from './record-scope';

/** Metadata key of the roles a route admits (set by `@Roles`). */
export const ROLES_KEY = 'saeil:roles';

export type AuthenticatedRequest = Request & { principal?: Principal; access?: RequestAccess };

const RECORD_ID = /^[\w-]{1,100}$/;

/**
 * The one gate of every HTTP route (registered as the app's global guard):
 * - `@Public()` routes pass (login, refresh, health, metrics);
 * - every other route needs `Authorization: Bearer <token>` (401) and must name the roles it
 *   admits with `@Roles(...)`: a route that names none is refused to everyone (403), so a
 *   forgotten decorator fails closed;
 * - the records a route names (`@ScopedRecords`) must be of a center the caller reaches, or
 *   the answer is 404, the same as for a record that does not exist.
 * It leaves `req.principal` and `req.access` (her scope) for handlers and the command metadata.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly reflector: Reflector,
    private readonly records: RecordCenters,
    @Optional() private readonly regions?: CenterRegions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) throw new AuthenticationRequired();
    const principal = await this.verifier.verify(token);
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      this.logger.error(`route ${request.method} ${request.route?.path ?? request.path} names no roles: refused to everyone`);
      throw new AccessDenied();
    }
    if (!roles.includes(principal.role)) throw new AccessDenied();
    const scope = scopeOf(principal);
    request.access = {
      principal,
      actorId: principal.accountId,
      scope,
      coversCenter: (centerId) => coversCenter(scope, centerId, this.regions),
      coversLevel: (level, id) => coversLevel(scope, level, id, this.regions),
      centerIds: () => centerIdsOf(scope, this.regions),
    };
    const refs = this.reflector.getAllAndOverride<ScopedRecordRef[] | undefined>(SCOPED_RECORDS_KEY, targets) ?? [];
    for (const ref of refs) {
      for (const id of idsOf(ref, request)) {
        const centerId = await this.records.centerOf(ref.kind, id);
        if (centerId !== undefined && !request.access.coversCenter(centerId)) throw new NotFound(RECORD_KINDS[ref.kind].label, id);
      }
    }
    return true;
  }
}

/** The ids a reference names on this request; anything not shaped like an id is left to validation. */
function idsOf(ref: ScopedRecordRef, request: Request): string[] {
  const raw: unknown = ref.param !== undefined ? request.params?.[ref.param] : (request.body as Record<string, unknown> | undefined)?.[ref.body ?? ''];
  const values = Array.isArray(raw) ? raw.slice(0, 1000) : [raw];
  return values.filter((v): v is string => typeof v === 'string' && RECORD_ID.test(v));
}

export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header ?? '');
  return match?.[1];
}
