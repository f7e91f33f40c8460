import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import type { Logger } from 'pino';
import { redactPersonalQuery } from '@saeil/core';
import { CORRELATION_HEADER } from '@saeil/runtime';

/** Also taken as the correlation id when X-Correlation-Id is absent (what proxies such as nginx send). */
export const REQUEST_ID_HEADER = 'x-request-id';

const CORRELATION_ID = /^[\w.:-]{1,128}$/;

type LoggedRequest = IncomingMessage & {
  id?: string;
  originalUrl?: string;
  route?: { path?: string };
  /** Left by the AuthGuard (@saeil/identity) on a request it admitted; read structurally. */
  principal?: { accountId?: string; role?: string };
};

/** The caller's correlation id (X-Correlation-Id, else X-Request-Id) when well formed, else a new one. */
export function correlationIdFor(req: IncomingMessage): string {
  for (const header of [CORRELATION_HEADER, REQUEST_ID_HEADER]) {
    const given = req.headers[header];
    if (typeof given === 'string' && CORRELATION_ID.test(given)) return given;
  }
  return randomUUID();
}

/**
 * What the request line says about a request: method, the route's pattern and the path asked
 * (a caseload search's words redacted), and the account by id and role — never a header, a name
 * or a token. Read when the response has finished, so the route matched and the account is known.
 */
export function requestLineOf(req: IncomingMessage): Record<string, unknown> {
  const r = req as LoggedRequest;
  // A wildcard is Nest's catch-all for what no route matched (404), not a route of ours.
  const route = r.route?.path && !r.route.path.includes('*') ? r.route.path : undefined;
  const line: Record<string, unknown> = {
    method: r.method,
    route,
    path: redactPersonalQuery(r.originalUrl ?? r.url ?? ''),
  };
  if (r.principal?.accountId) line.account = { id: r.principal.accountId, role: r.principal.role };
  return line;
}

/**
 * pino-http's options: one line per request when it is answered, holding `correlationId`, the
 * request line above, `res.statusCode` and `durationMs`. The request and response objects are
 * not bound to the request's loggers (`quietReqLogger`, `quietResLogger`): their headers were
 * 2 KB a line. The correlation id is echoed in the X-Correlation-Id response header.
 */
export function requestLogOptions(logger: Logger): Options {
  return {
    logger,
    genReqId: (req, res) => {
      const id = correlationIdFor(req);
      res.setHeader('X-Correlation-Id', id);
      return id;
    },
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'correlationId', responseTime: 'durationMs' },
    // Called at the start too, before the route is matched: what counts is the call at the end.
    customProps: (req) => requestLineOf(req),
    serializers: {
      // Whatever else logs a request or a response (an error filter, a library) gets no headers either.
      req: (req: { method?: string; url?: string }) => ({
        method: req.method,
        url: req.url && redactPersonalQuery(req.url),
      }),
      res: (res: ServerResponse | { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
  };
}
