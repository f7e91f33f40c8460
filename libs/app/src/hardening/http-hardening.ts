import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import { SaeilConfig } from '@saeil/config';
import { CORRELATION_HEADER } from '@saeil/runtime';

/**
 * What every answer carries and what every request may be, before any route runs (issue 5,
 * "Hardening"). Errors on the way (an oversized body, an unknown route) reach SaeilErrorFilter
 * like any other and answer its JSON error body.
 */
export function applyHttpHardening(app: NestExpressApplication, config: SaeilConfig): void {
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  // Behind the configured proxies req.ip is the client's address from X-Forwarded-For; with none
  // configured a forged header is ignored and the socket's address counts.
  app.set('trust proxy', config.trustProxy);
  // Helmet's defaults: a same-origin CSP (Swagger UI at /docs loads only its own scripts and
  // styles), frame-ancestors 'self', nosniff, HSTS, no referrer. Minus upgrade-insecure-requests:
  // the process serves plain HTTP (TLS ends at the proxy, if any), and on an internal http://
  // address that directive would send the /docs assets to an https:// that is not there.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // Only listed origins get Access-Control-Allow-Origin; none listed: no CORS handling at all, so
  // a browser on another origin is refused. Access tokens travel in the Authorization header; the
  // web app's refresh cookie is SameSite=Strict and same-origin (served under /app/), so
  // credentials are not allowed cross-origin.
  const origins = config.corsOrigins;
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      credentials: false,
      maxAge: 600,
      exposedHeaders: [CORRELATION_HEADER, 'Retry-After', 'Content-Disposition'],
    });
  }
  // Answers carry a woman's case, figures or a report: no browser or proxy cache may keep them
  // (issue 13). Every answer but the OpenAPI UI's static files, so no route can be forgotten.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/docs')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // The web app's files (the same for everyone, no secret in them) travel compressed, brotli or
  // gzip as the browser accepts: its main script is about 800 KB as built and about a third of
  // that compressed. Answers of the API are left as they are: a compressed answer that holds a
  // token or a woman's data beside what a caller sent could leak through its length (BREACH).
  // (The filter runs when the answer starts, inside the static files' handler mounted at /app,
  // where req.path has lost its /app: hence the original URL.)
  app.use(
    compression({
      filter: (req: Request, res: Response) =>
        /^\/(app|docs)(\/|-json|$)/.test(req.originalUrl) && compression.filter(req, res),
    }),
  );
  // The only body parser: JSON, limited; a larger body is a 413 before it is read into memory.
  app.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT });
}
