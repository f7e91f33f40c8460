import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/**
 * Reads whose answer is computed over a whole center, region or the nation (or folded from
 * events), matched against the route as declared (`req.route.path`), so that a changed query
 * string or an encoded path cannot dodge the limit. A new heavy read is added here, not in its
 * controller.
 */
export const EXPENSIVE_READS: readonly RegExp[] = [
  /^\/statistics\//, // employment, retention and activity statistics over a scope and period
  /^\/ministry-reports\//, // report preview, submitted versions and their CSV/XLSX exports
  /^\/ministry-dashboard\//, // the Ministry dashboard: national picture, trends, CSV/XLSX of the ranked table
  /^\/caseload$/, // caseload search over a counselor's or a center's cases
  /^\/kpi-plans\/[^/]+\/achievement$/, // KPI achievement, folded from events on every call
  /^\/follow-ups\/queue(\/|$)/, // a center's follow-up queue, with its per-counselor counts
];

export function isExpensiveRead(method: string, routePath: string | undefined): boolean {
  return (
    (method === 'GET' || method === 'HEAD') && !!routePath && EXPENSIVE_READS.some((pattern) => pattern.test(routePath))
  );
}

/**
 * The per-address limit (RATE_LIMIT_EXPENSIVE_PER_MINUTE per read, counted in this process) on the
 * expensive reads only; every other route passes untouched. A global guard, so it runs before
 * authentication: an anonymous caller hammering a statistics query is refused just the same.
 * Commands are not limited here (a command is cheap and the fuzz test proves each is validated);
 * login has its own limiter in libs/identity.
 */
@Injectable()
export class ExpensiveReadsGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    return !isExpensiveRead(request.method, (request.route as { path?: string } | undefined)?.path);
  }
}
