import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import pino from 'pino';
import { loadConfig } from '@saeil/config';
import type { Runtime } from '@saeil/runtime';
import { SaeilHttpModule } from '../http.module';
import { SAEIL_MODULES } from '../modules';
import { buildOpenApiDocument } from './openapi-document';

/**
 * The OpenAPI document built without a database or a broker, for `npm run docs:openapi` and the
 * contract test. The HTTP module is composed exactly as the api composes it (the same domain
 * modules, controllers and decorators), in Nest's preview mode: the module graph is scanned and
 * no provider is instantiated, so the runtime handed to it carries only what composing the
 * modules reads (the configuration, a logger, the module list); nothing else of it is ever called.
 */
export async function withDocumentApp<T>(use: (app: NestExpressApplication) => T): Promise<T> {
  const composition = {
    config: loadConfig({}),
    logger: pino({ level: 'silent' }),
    modules: SAEIL_MODULES,
  } as Partial<Runtime> as Runtime;
  const app = await NestFactory.create<NestExpressApplication>(
    SaeilHttpModule.forRuntime(composition, { domain: true }),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return use(app);
  } finally {
    await app.close();
  }
}

export function generateOpenApiDocument(): Promise<OpenAPIObject> {
  return withDocumentApp(buildOpenApiDocument);
}

/** The document as committed in docs/openapi.json: two-space JSON and a final newline. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
