import type { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { Express, Request, Response } from 'express';

/**
 * Swagger UI at /docs (Authorize takes the accessToken; it is kept across reloads and sent on
 * "Try it out"), the document at /docs/openapi.json and at Nest's usual /docs-json. All three are
 * served outside Nest's router, so they are open like the UI itself.
 */
export function serveOpenApi(app: NestExpressApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    swaggerOptions: { persistAuthorization: true },
  });
  (app.getHttpAdapter().getInstance() as Express).get('/docs-json', (_req: Request, res: Response) => {
    res.json(document);
  });
}
