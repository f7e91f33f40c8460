import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  PathItemObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { contractProblems } from './contract-check';
import { generateOpenApiDocument, serializeOpenApiDocument, withDocumentApp } from './document-app';
import { buildOpenApiDocument, HTTP_METHODS, publicOperationIds } from './openapi-document';

const COMMITTED = path.resolve(__dirname, '../../../../docs/openapi.json');

type Operation = { route: string; operation: OperationObject };

function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([p, item]) =>
    HTTP_METHODS.filter((m) => (item as PathItemObject)[m]).map((m) => ({
      route: `${m.toUpperCase()} ${p}`,
      operation: (item as PathItemObject)[m] as OperationObject,
    })),
  );
}

/** The document with one operation changed by `mutate` (a deep copy: the original stays whole). */
function withOperation(
  document: OpenAPIObject,
  route: string,
  mutate: (operation: OperationObject) => void,
): OpenAPIObject {
  const copy = JSON.parse(JSON.stringify(document)) as OpenAPIObject;
  mutate(operationsOf(copy).find((o) => o.route === route)!.operation);
  return copy;
}

describe('the OpenAPI contract', () => {
  let document: OpenAPIObject;
  let publicIds: Set<string>;

  beforeAll(async () => {
    [document, publicIds] = await withDocumentApp(
      (app) => [buildOpenApiDocument(app), publicOperationIds(app)] as const,
    );
  });

  it('every operation has its success body, its error bodies and, when protected, the bearer requirement', () => {
    expect(operationsOf(document).length).toBeGreaterThanOrEqual(76);
    expect(contractProblems(document, publicIds)).toEqual([]);
  });

  it('only login, refresh, logout, /health and /metrics are public', () => {
    const open = operationsOf(document)
      .filter((o) => !o.operation.security)
      .map((o) => o.route);
    expect(open.sort()).toEqual([
      'GET /health',
      'GET /metrics',
      'POST /auth/login',
      'POST /auth/logout',
      'POST /auth/refresh',
    ]);
  });

  it('docs/openapi.json is what the code generates (run npm run docs:openapi after changing a route or a response class)', () => {
    const committed = readFileSync(COMMITTED, 'utf8');
    const generated = serializeOpenApiDocument(document);
    if (committed !== generated) {
      expect(JSON.parse(committed)).toEqual(JSON.parse(generated));
      throw new Error('docs/openapi.json differs from the generated document in formatting: run npm run docs:openapi');
    }
  });

  it('generating twice gives the same bytes (stable order)', async () => {
    expect(serializeOpenApiDocument(await generateOpenApiDocument())).toBe(serializeOpenApiDocument(document));
  });

  describe('the checker reports each operation stripped of a part of its contract', () => {
    it('a success answer without its body schema', () => {
      for (const { route, operation } of operationsOf(document)) {
        const success = Object.keys(operation.responses).filter((s) => /^2/.test(s) && s !== '204');
        if (success.length === 0) continue;
        const broken = withOperation(document, route, (o) => {
          for (const s of success) delete (o.responses[s] as ResponseObject).content;
        });
        expect(contractProblems(broken, publicIds)).toContain(`${route}: its ${success[0]} answer has no body schema`);
      }
    });

    it('no success answer at all', () => {
      for (const { route, operation } of operationsOf(document)) {
        const broken = withOperation(document, route, (o) => {
          for (const s of Object.keys(operation.responses).filter((s) => /^2/.test(s))) delete o.responses[s];
        });
        expect(contractProblems(broken, publicIds)).toContain(`${route}: no 2xx answer`);
      }
    });

    it('no error answer', () => {
      for (const { route, operation } of operationsOf(document)) {
        const broken = withOperation(document, route, (o) => {
          for (const s of Object.keys(operation.responses).filter((s) => /^[45]/.test(s))) delete o.responses[s];
        });
        expect(contractProblems(broken, publicIds)).toContain(`${route}: no error answer with the ErrorResponse body`);
      }
    });

    it('an error answer without its body schema, and a missing 400, 404, 401 or 403 where it is due', () => {
      for (const { route, operation } of operationsOf(document)) {
        const parameters = (operation.parameters ?? []) as { in?: string }[];
        const required = [
          ...(operation.requestBody || parameters.some((p) => p.in === 'query' || p.in === 'path') ? ['400'] : []),
          ...(parameters.some((p) => p.in === 'path') ? ['404'] : []),
          ...(operation.security ? ['401', '403'] : []),
        ];
        for (const status of Object.keys(operation.responses).filter((s) => /^[45]/.test(s))) {
          const stripped = withOperation(
            document,
            route,
            (o) => delete (o.responses[status] as ResponseObject).content,
          );
          expect(contractProblems(stripped, publicIds)).toContain(`${route}: its ${status} answer has no body schema`);
        }
        for (const status of required) {
          const missing = withOperation(document, route, (o) => delete o.responses[status]);
          expect(contractProblems(missing, publicIds).some((p) => p.startsWith(`${route}: no ${status} answer`))).toBe(
            true,
          );
        }
      }
    });

    it('a protected operation without the bearer requirement, a public one with it', () => {
      const operations = operationsOf(document);
      for (const { route, operation } of operations.filter((o) => o.operation.security)) {
        const broken = withOperation(document, route, (o) => delete o.security);
        expect(contractProblems(broken, publicIds)).toContain(
          `${route}: protected, but has no bearer security requirement`,
        );
        const emptied = withOperation(document, route, (o) => (o.security = []));
        expect(contractProblems(emptied, publicIds)).toContain(
          `${route}: protected, but has no bearer security requirement`,
        );
        expect(operation.security).toEqual([{ bearer: [] }]);
      }
      for (const { route } of operations.filter((o) => !o.operation.security)) {
        const broken = withOperation(document, route, (o) => (o.security = [{ bearer: [] }]));
        expect(contractProblems(broken, publicIds)).toContain(`${route}: public, but documented as needing a token`);
      }
    });

    it('a document without the bearer scheme', () => {
      const broken = JSON.parse(JSON.stringify(document)) as OpenAPIObject;
      delete broken.components!.securitySchemes;
      expect(contractProblems(broken, publicIds)).toContain(
        'components.securitySchemes.bearer is not an HTTP bearer scheme',
      );
    });
  });
});
