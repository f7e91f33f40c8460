import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { canonicalIdProblem, FieldError, PUBLIC_KEY, ValidationFailed } from '@saeil/core';
import { PrefetchedStreams, withPrefetchedStreams } from '@saeil/event-store';
import { AccessDenied, AuthenticationRequired } from '../principal/auth-errors';
import { AccessTokenVerifier, Principal } from '../principal/principal';
import type { RequestAccess } from './access-scope';
import { AccessResolver } from './access-resolver';
import { COMMAND_ROUTE_KEY } from './command-route.decorator';
import { SCOPED_RECORDS_KEY, ScopedRecordRef } from './record-scope';

/** Metadata key of the roles a route admits (set by `@Roles`). */
export const ROLES_KEY = 'saeil:roles';

export type AuthenticatedRequest = Request & { principal?: Principal; access?: RequestAccess };

/**
 * The one gate of every HTTP route (registered as the app's global guard):
 * - `@Public()` routes pass (login, refresh, health, metrics);
 * - every other route needs `Authorization: Bearer <token>` (401) and must name the roles it
 *   admits with `@Roles(...)`: a route that names none is refused to everyone (403), so a
 *   forgotten decorator fails closed;
 * - every id in the path (a parameter named `…Id`) must be in its canonical form (`idRuleOf`:
 *   a lower-case UUID, or a lower-case center/counselor id), else 400 naming it — before anything
 *   looks a record up, so no other spelling of an id ever reaches a lookup (on a command route
 *   the command's DTO refuses it right after, with the body's other bad fields);
 * - the records a route names (`@ScopedRecords`) must be of a center the caller reaches, or
 *   the answer is 404, the same as for a record that does not exist (and one that cannot be
 *   resolved is refused the same way: the check fails closed).
 * It leaves `req.principal` and `req.access` (her scope) for handlers and the command metadata.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly reflector: Reflector,
    private readonly resolver: AccessResolver,
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
    const roles = this.reflector.getAllAndOverride<readonly string[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      this.logger.error(
        `route ${request.method} ${request.route?.path ?? request.path} names no roles: refused to everyone`,
      );
      throw new AccessDenied();
    }
    if (!roles.includes(principal.role)) throw new AccessDenied();
    request.access = this.resolver.accessOf(principal);
    // A command route validates its path ids and body with the command's DTO next (every bad field
    // in one 400); any other route has only this check before its handler.
    const validatedNext = this.reflector.getAllAndOverride<boolean | undefined>(COMMAND_ROUTE_KEY, targets) === true;
    if (!validatedNext) requireCanonicalPathIds(request.params ?? {});
    const refs = this.reflector.getAllAndOverride<ScopedRecordRef[] | undefined>(SCOPED_RECORDS_KEY, targets) ?? [];
    const access = request.access;
    // A command's handler reads the records it names again: the streams read here to find their
    // centers are kept for it (`executeFromHttp` runs the command with them), one round trip less.
    await withPrefetchedStreams(
      validatedNext && refs.length > 0 ? PrefetchedStreams.for(request) : undefined,
      async () => {
        for (const ref of refs) {
          const course =
            ref.enrolledIn === undefined ? undefined : valueOf({ kind: 'course', field: ref.enrolledIn }, request);
          await this.resolver.requireRecords(
            access,
            ref.kind,
            valueOf(ref, request),
            course,
            ref.param ?? ref.body ?? ref.field,
            { malformed: validatedNext ? 'leave-to-validation' : 'refuse' },
          );
        }
      },
    );
    return true;
  }
}

/**
 * What a reference names on this request: a path parameter, a body field, or (`field`, a command's
 * DTO field) the path parameter of that name, else the body field.
 */
function valueOf(ref: ScopedRecordRef, request: Request): unknown {
  const body = request.body as Record<string, unknown> | undefined;
  if (ref.param !== undefined) return request.params?.[ref.param];
  if (ref.body !== undefined) return body?.[ref.body];
  return request.params?.[ref.field ?? ''] ?? body?.[ref.field ?? ''];
}

/** Every path parameter that is an id must be in its canonical form: one 400 naming all that are not. */
export function requireCanonicalPathIds(params: Record<string, unknown>): void {
  const problems = Object.entries(params)
    .map(([name, value]) => canonicalIdProblem(name, value))
    .filter((problem): problem is FieldError => problem !== undefined);
  if (problems.length > 0) throw new ValidationFailed(problems);
}

export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header ?? '');
  return match?.[1];
}
