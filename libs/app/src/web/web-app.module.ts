import {
  Controller,
  DynamicModule,
  Get,
  MiddlewareConsumer,
  Module,
  NestModule,
  Redirect,
  RequestMethod,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Public } from '@saeil/core';

/** Where the counselor's web app is served: the API has no prefix, so the app takes one of its own. */
export const WEB_APP_ROOT = '/app';

/**
 * The folder `npm run build` leaves the built web app in (apps/web's Vite `outDir`): `dist/web`.
 * Compiled, this file is dist/libs/app/src/web/; run from sources (ts-node), libs/app/src/web/.
 */
export function webAppDirectory(): string | undefined {
  const candidates = [path.resolve(__dirname, '../../../../web'), path.resolve(__dirname, '../../../../dist/web')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}

/** index.html must be asked again each time (it names this build's assets); hashed assets never change. */
export function webAppCacheHeaders(res: ServerResponse, file: string): void {
  const hashed = file.split(path.sep).includes('assets');
  res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}

@ApiExcludeController()
@Public()
@Controller()
export class WebAppRedirectController {
  /** Someone who opens the bare address wants the app, not a JSON 404. */
  @Get()
  @Redirect(`${WEB_APP_ROOT}/`, 302)
  home(): void {}
}

/**
 * The built web app under /app/: its files as they are, any other /app/... path answers
 * index.html (the app's router reads the URL), and a missing file under /app/assets/ is the
 * API's JSON 404 rather than index.html (a browser would otherwise run HTML as a script).
 */
/**
 * /app without its slash: to /app/ (the app's asset URLs are relative to that base). A middleware
 * rather than a route, because a route for /app would also take /app/ (non-strict routing).
 */
function redirectBareRoot(
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  next: () => void,
): void {
  const url = req.originalUrl ?? req.url ?? '';
  const [pathname, query] = url.split('?', 2);
  if (pathname !== WEB_APP_ROOT) return next();
  res.statusCode = 301;
  res.setHeader('Location', `${WEB_APP_ROOT}/${query ? `?${query}` : ''}`);
  res.end();
}

@Module({})
export class WebAppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(redirectBareRoot).forRoutes({ path: WEB_APP_ROOT.slice(1), method: RequestMethod.GET });
  }

  static register(directory = webAppDirectory()): DynamicModule {
    return {
      module: WebAppModule,
      imports: directory
        ? [
            ServeStaticModule.forRoot({
              rootPath: directory,
              serveRoot: WEB_APP_ROOT,
              renderPath: '/{*any}',
              exclude: [`${WEB_APP_ROOT}/assets/{*path}`],
              serveStaticOptions: { index: false, redirect: false, setHeaders: webAppCacheHeaders },
            }),
          ]
        : [],
      controllers: [WebAppRedirectController],
    };
  }
}
