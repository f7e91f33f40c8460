import { applyDecorators, SetMetadata, UseFilters, UseInterceptors } from '@nestjs/common';
import type { Request } from 'express';
import { AccessLogInterceptor } from './access-log.interceptor';
import { refusedReadFilterFor } from './refused-read.filter';

export const ACCESS_LOGGED = 'saeil:access-logged';

export interface AccessLoggedOptions {
  /**
   * Whose data the answer shows: a route parameter's name (one row for her), or a function of
   * the response body naming every client in it (one row each; none named → one row with no
   * subject, the filter being in the route). Omitted: one row with no subject.
   */
  subject?: string | ((body: unknown) => string[]);
  /** Log only when this holds (e.g. a file export rather than the on-screen JSON). */
  when?: (req: Request) => boolean;
  /** An export: the caller must say why (`?reason=`), 400 before anything is read otherwise. */
  requireReason?: boolean;
}

export interface AccessLoggedMetadata extends AccessLoggedOptions {
  action: string;
}

/**
 * 접속기록 for a route that shows a person's data: each successful answer is logged before it
 * is sent (outcome `allowed`); if the log cannot be written the caller gets 503, never an unlogged
 * read. On a route that names her by a path parameter, a 403 or 404 answered to an authenticated
 * account is logged too (outcome `refused`): someone tried to read a person she may not see.
 */
export function AccessLogged(action: string, options: AccessLoggedOptions = {}) {
  const meta = { action, ...options } satisfies AccessLoggedMetadata;
  const refusals = typeof options.subject === 'string' ? [UseFilters(refusedReadFilterFor(meta))] : [];
  return applyDecorators(SetMetadata(ACCESS_LOGGED, meta), UseInterceptors(AccessLogInterceptor), ...refusals);
}
