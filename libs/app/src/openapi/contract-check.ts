import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  PathItemObject,
  ReferenceObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { BEARER_SCHEME, HTTP_METHODS } from './openapi-document';

const ERROR_SCHEMA = '#/components/schemas/ErrorResponse';

function schemasOf(response: ResponseObject | ReferenceObject | undefined): unknown[] {
  const content = (response as ResponseObject | undefined)?.content ?? {};
  return Object.values(content)
    .map((media) => media.schema)
    .filter((schema) => schema !== undefined);
}

/**
 * What a complete contract says of every operation, as a list of problems (empty when complete):
 * a success answer with a body schema (a 204 alone may have none); an error answer with the shared
 * ErrorResponse body, and 400 where it takes input, 404 where it takes a path id, 401 and 403 where
 * it is protected; the bearer requirement exactly on the protected operations.
 */
export function contractProblems(document: OpenAPIObject, publicOperationIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const scheme = document.components?.securitySchemes?.[BEARER_SCHEME] as
    { type?: string; scheme?: string } | undefined;
  if (scheme?.type !== 'http' || scheme.scheme !== 'bearer')
    problems.push(`components.securitySchemes.${BEARER_SCHEME} is not an HTTP bearer scheme`);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as PathItemObject)[method] as OperationObject | undefined;
      if (!operation) continue;
      const route = `${method.toUpperCase()} ${path}`;
      const responses = operation.responses ?? {};
      const statuses = Object.keys(responses);
      const success = statuses.filter((s) => /^2\d\d$/.test(s));
      if (success.length === 0) problems.push(`${route}: no 2xx answer`);
      for (const status of success) {
        if (status !== '204' && schemasOf(responses[status]).length === 0)
          problems.push(`${route}: its ${status} answer has no body schema`);
      }
      const errors = statuses.filter((s) => /^[45]\d\d$/.test(s));
      for (const status of errors) {
        if (schemasOf(responses[status]).length === 0)
          problems.push(`${route}: its ${status} answer has no body schema`);
      }
      if (
        !errors.some((s) => schemasOf(responses[s]).some((schema) => (schema as ReferenceObject).$ref === ERROR_SCHEMA))
      )
        problems.push(`${route}: no error answer with the ErrorResponse body`);
      const parameters = (operation.parameters ?? []) as { in?: string }[];
      const required = (status: string, why: string) => {
        if (!statuses.includes(status)) problems.push(`${route}: no ${status} answer (${why})`);
      };
      if (operation.requestBody || parameters.some((p) => p.in === 'query' || p.in === 'path'))
        required('400', 'it takes input');
      if (parameters.some((p) => p.in === 'path')) required('404', 'it takes an id in the path');
      const isPublic = operation.operationId !== undefined && publicOperationIds.has(operation.operationId);
      const bearer = (operation.security ?? []).some((requirement) => BEARER_SCHEME in requirement);
      if (isPublic && bearer) problems.push(`${route}: public, but documented as needing a token`);
      if (!isPublic) {
        if (!bearer) problems.push(`${route}: protected, but has no ${BEARER_SCHEME} security requirement`);
        required('401', 'it is protected');
        required('403', 'it is protected');
      }
    }
  }
  return problems;
}
