import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error-response';

/**
 * What each error status means on this API, with the codes `SaeilErrorFilter` writes for it. The
 * OpenAPI document states them with the shared `ErrorResponse` body: declared on a route with
 * `@ApiErrors(…)`, on command controllers by `@CommandRoute`, and derived for every route when
 * the document is built (400 for input, 401/403 for protected routes, 404 for ids in the path,
 * 413 for bodies, 429 for the expensive reads, 500 for all: libs/app/src/openapi/openapi-document.ts).
 */
export const ERROR_STATUSES = {
  400: 'VALIDATION_FAILED with `fields` (every bad field: its dotted path, the rule and a message; an id not in its canonical form, a NUL or lone surrogate, a number beyond 2^53, a day that does not exist), or MALFORMED_REQUEST (a body that is not JSON, a malformed URL)',
  401: 'AUTHENTICATION_REQUIRED (no bearer token, or one malformed, expired, revoked or of a disabled account); INVALID_CREDENTIALS or REFRESH_TOKEN_REUSED on the login routes',
  403: 'ACCESS_DENIED (her role may not do this), or OUT_OF_SCOPE with the field naming a center or region she does not work for',
  404: 'NOT_FOUND: an unknown id, or a record of a center or region she does not work for (the two are not told apart)',
  409: 'VERSION_CONFLICT: someone else wrote to the same record first; reload and retry. Nothing was recorded',
  413: 'PAYLOAD_TOO_LARGE: the body is over the size limit',
  422: 'A business rule refused it: a rule code (e.g. CONSENT_REQUIRED, PROGRAM_PLAN_EXCEEDED, REFERENCE_NOT_FOUND with details.field) with a Korean message and sometimes `details`, or IDEMPOTENCY_KEY_REUSED. Nothing was recorded',
  429: 'Too many requests: TOO_MANY_REQUESTS on an expensive read over the per-minute limit, TOO_MANY_LOGIN_ATTEMPTS for this user name from this address, or past an address or user-name ceiling (Retry-After in seconds)',
  500: 'INTERNAL_ERROR: a defect of ours; nothing internal is shown (the server logs it)',
  503: 'SERVICE_UNAVAILABLE: the database cannot be reached; retry later (with the same Idempotency-Key for a command)',
} as const;

export type ErrorStatus = keyof typeof ERROR_STATUSES;

/** The error answers a route (or every route of a controller) can give, each with the shared `ErrorResponse` body. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ...statuses.map((status) => ApiResponse({ status, description: ERROR_STATUSES[status], type: ErrorResponse })),
  );
}

export interface AnswerOptions {
  /** The route's success status: 200 unless it creates (201) or only accepts (202). */
  status?: 200 | 201 | 202;
  /** A repeated Idempotency-Key (or a record already there) answers the first result with this status instead (`duplicate: true`). */
  duplicate?: 200;
  /** The body is a JSON array of the type. */
  isArray?: boolean;
  description?: string;
}

/**
 * The success answer of a route, stated once: the response class (decorated with @ApiProperty) and
 * its status. Type the handler's return with the same class, so the document and the answer
 * cannot drift apart silently.
 */
export function ApiAnswer(type: Type<unknown>, options: AnswerOptions = {}): MethodDecorator {
  const status = options.status ?? 200;
  const decorators = [
    ApiResponse({
      status,
      type,
      isArray: options.isArray,
      description: options.description ?? (status === 201 ? 'Created' : status === 202 ? 'Accepted' : 'OK'),
    }),
  ];
  if (options.duplicate) {
    decorators.push(
      ApiResponse({
        status: options.duplicate,
        type,
        isArray: options.isArray,
        description:
          'The same Idempotency-Key again (or a record already there): the first result, `duplicate: true`, nothing recorded now',
      }),
    );
  }
  return applyDecorators(...decorators);
}

export interface FileAnswerOptions {
  /** The JSON variant's body (when the route also answers JSON). */
  json?: Type<unknown>;
  /** Other media types, each a file download (CSV text, a spreadsheet). */
  files: { mediaType: string; description: string; binary?: boolean }[];
  description?: string;
}

/** A route answering a file (CSV, XLSX) or its JSON, chosen by the request: every media type with its schema. */
export function ApiFileAnswer(options: FileAnswerOptions): MethodDecorator {
  const content: Record<string, { schema: object }> = {};
  if (options.json) content['application/json'] = { schema: { $ref: `#/components/schemas/${options.json.name}` } };
  for (const file of options.files)
    content[file.mediaType] = {
      schema: { type: 'string', ...(file.binary ? { format: 'binary' } : {}), description: file.description },
    };
  const mediaTypes = Object.keys(content);
  return applyDecorators(
    ...(options.json ? [ApiExtraModels(options.json)] : []),
    ApiProduces(...mediaTypes),
    ApiResponse({ status: 200, description: options.description ?? 'OK', content }),
  );
}
