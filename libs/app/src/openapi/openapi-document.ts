import type { INestApplicationContext } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  PathItemObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ERROR_STATUSES, ErrorResponse, ErrorStatus, PUBLIC_KEY } from '@saeil/core';
import { isExpensiveRead } from '../hardening/expensive-reads.throttle';

/** The name of the bearer scheme in `components.securitySchemes`, required by every protected operation. */
export const BEARER_SCHEME = 'bearer';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * The operation ids (Nest's `<Controller>_<method>`) of the routes anyone may call: `@Public()` on
 * the route or its controller, read from the same metadata the AuthGuard reads, so the document
 * cannot say a route is open when the guard closes it, or the other way round.
 */
export function publicOperationIds(app: INestApplicationContext): Set<string> {
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const classPublic = Reflect.getMetadata(PUBLIC_KEY, controller) === true;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (
          name === 'constructor' ||
          typeof handler !== 'function' ||
          Reflect.getMetadata(PATH_METADATA, handler) === undefined
        )
          continue;
        const own = Reflect.getMetadata(PUBLIC_KEY, handler) as boolean | undefined;
        if (own ?? classPublic) ids.add(`${controller.name}_${name}`);
      }
    }
  }
  return ids;
}

function errorResponse(status: ErrorStatus): ResponseObject {
  return {
    description: ERROR_STATUSES[status],
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${ErrorResponse.name}` } } },
  };
}

function addError(operation: OperationObject, status: ErrorStatus): void {
  operation.responses[status] ??= errorResponse(status);
}

function sortedKeys<T extends object>(object: T, compare?: (a: string, b: string) => number): T {
  return Object.fromEntries(
    Object.entries(object).sort(([a], [b]) => (compare ? compare(a, b) : a < b ? -1 : a > b ? 1 : 0)),
  ) as T;
}

/**
 * The error answers every route can give by its nature, derived here so that no route can forget
 * them: 400 for anything with input (a body, a query, a path id), 413 for a body, 404 for an id in
 * the path, 401/403 and the bearer requirement for every protected route, 429 for the expensive
 * reads the throttle guard limits (the same list), 503 for every protected route (its token is
 * checked against the database), 500 for every route (the filter's answer to a defect).
 */
function completeOperation(path: string, method: string, operation: OperationObject, isPublic: boolean): void {
  const parameters = (operation.parameters ?? []) as { in?: string }[];
  if (operation.requestBody || parameters.some((p) => p.in === 'query' || p.in === 'path')) addError(operation, 400);
  if (parameters.some((p) => p.in === 'path')) addError(operation, 404);
  if (operation.requestBody) addError(operation, 413);
  if (isPublic) {
    delete operation.security;
  } else {
    operation.security = [{ [BEARER_SCHEME]: [] }];
    addError(operation, 401);
    addError(operation, 403);
    addError(operation, 503);
  }
  if (isExpensiveRead(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1'))) addError(operation, 429);
  addError(operation, 500);
  operation.responses = sortedKeys(operation.responses);
}

/**
 * The API's OpenAPI document, from the controllers' decorators (request DTOs, `@ApiAnswer`
 * response classes, `@ApiErrors`) completed with what every route answers by its nature, in a
 * stable order (paths, methods, statuses, schemas sorted): what `npm run docs:openapi` writes to
 * docs/openapi.json, and what /docs, /docs/openapi.json and /docs-json serve.
 */
export function buildOpenApiDocument(
  app: INestApplicationContext & Parameters<typeof SwaggerModule.createDocument>[0],
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Saeil API')
    .setDescription(
      '여성새로일하기센터 case management. Log in with POST /auth/login, then send `Authorization: Bearer <accessToken>` (Authorize in Swagger UI). ' +
        'Every error answers `{ error: { code, message, fields? } }`.',
    )
    .setVersion('1')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The accessToken of POST /auth/login (or /auth/refresh)',
      },
      BEARER_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse] });
  const publicIds = publicOperationIds(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as PathItemObject)[method];
      if (!operation) continue;
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      completeOperation(path, method, operation, publicIds.has(operation.operationId));
    }
  }
  document.paths = sortedKeys(document.paths);
  for (const path of Object.keys(document.paths)) document.paths[path] = sortedKeys(document.paths[path]);
  if (document.components?.schemas) document.components.schemas = sortedKeys(document.components.schemas);
  return document;
}
