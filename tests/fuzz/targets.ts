/**
 * What the fuzz test aims at, read from the running code rather than listed by hand, so a module
 * added later is covered without touching the test: the command routes from the Nest app's
 * Express router (their body schemas from the app's OpenAPI document), and the commands of the
 * Kafka command topic from the CommandDefinitions of the modules and their class-validator rules.
 */
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { PUBLIC_KEY } from '@saeil/core';
import { COMMAND_DEFINITION_KEY, ROLES_KEY, type Role } from '@saeil/identity';
import type { CommandDefinition } from '@saeil/runtime';

/** What a field holds, as far as a wrong-typed value must be chosen for it. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'enum' | 'unknown';

export interface FieldShape {
  name: string;
  kind: FieldKind;
  /** Validated when absent: leaving it out is a validation error on its own. */
  required: boolean;
}

export interface HttpCommandRoute {
  method: 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. `/clients/:clientId/consents`. */
  path: string;
  pathParams: string[];
  /** The documented body fields (empty when the route documents no JSON body). */
  fields: FieldShape[];
  /** A body built from the OpenAPI examples: valid-looking, to get past validation to the handler. */
  example: Record<string, unknown>;
  /** Path parameters that are not ids (`:purpose`, `:level`), with their documented example or first enum value. */
  pathExamples: Record<string, string>;
}

export interface KafkaCommand {
  type: string;
  fields: FieldShape[];
  /** The roles its definition admits (`access.roles`): the topic refuses anyone else before validating. */
  roles: readonly string[];
}

const COMMAND_METHODS = ['post', 'put', 'patch', 'delete'] as const;

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** Every POST/PUT/PATCH/DELETE route the Express app serves, with its OpenAPI body fields when documented. */
export function httpCommandRoutes(app: INestApplication, openApi: OpenApiDocument): HttpCommandRoute[] {
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack: ExpressLayer[] };
    _router?: { stack: ExpressLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes: HttpCommandRoute[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const path of ([] as string[]).concat(layer.route.path)) {
      // `/{*path}`: Nest mounts middleware (the request logger) as catch-all routes; not an endpoint
      if (path.includes('*')) continue;
      for (const method of COMMAND_METHODS) {
        if (!layer.route.methods[method]) continue;
        const pathParams = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
        routes.push({
          method,
          path,
          pathParams,
          fields: documentedBody(openApi, method, path),
          example: documentedExample(openApi, method, path),
          pathExamples: documentedPathExamples(openApi, method, path),
        });
      }
    }
  }
  return routes;
}

/** Who the global AuthGuard lets through to a route's validation: anyone (`@Public()`), or the roles its `@Roles` names. */
export type RouteAccess = { public: true } | { public: false; roles: Role[] };

/** `post /clients/:clientId/consents`: how routes are named in the map below. */
export const routeKey = (route: Pick<HttpCommandRoute, 'method' | 'path'>): string => `${route.method} ${route.path}`;

/**
 * The access each route of the Nest app declares, read from its controllers' metadata the way
 * the AuthGuard reads it (the handler's decorator over the controller's), keyed by `routeKey`.
 */
export function routeAccess(app: INestApplication): Map<string, RouteAccess> {
  const access = new Map<string, RouteAccess>();
  for (const route of controllerRoutes(app))
    access.set(route.key, route.isPublic ? { public: true } : { public: false, roles: route.roles });
  return access;
}

/** The CommandDefinition each command route serves (`@CommandRoute`), keyed by `routeKey`: the DTO both doors validate. */
export function routeDefinitions(app: INestApplication): Map<string, CommandDefinition> {
  const definitions = new Map<string, CommandDefinition>();
  for (const route of controllerRoutes(app)) if (route.definition) definitions.set(route.key, route.definition);
  return definitions;
}

interface ControllerRoute {
  key: string;
  isPublic: boolean;
  roles: Role[];
  definition?: CommandDefinition;
}

/** Every route of the app's controllers, read the way the AuthGuard reads them (the handler's decorator over the controller's). */
function controllerRoutes(app: INestApplication): ControllerRoute[] {
  const found: ControllerRoute[] = [];
  const join = (...parts: string[]) =>
    `/${parts
      .map((p) => p.replace(/^\/+|\/+$/g, ''))
      .filter(Boolean)
      .join('/')}`;
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (typeof controller !== 'function') continue;
      const bases = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = Object.getOwnPropertyDescriptor(controller.prototype, name)?.value;
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const paths: string | string[] | undefined = Reflect.getMetadata(PATH_METADATA, handler);
        const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (paths === undefined || method === undefined) continue;
        const isPublic = Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller);
        const roles: Role[] =
          Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller) ?? [];
        const definition: CommandDefinition | undefined =
          Reflect.getMetadata(COMMAND_DEFINITION_KEY, handler) ??
          Reflect.getMetadata(COMMAND_DEFINITION_KEY, controller);
        for (const base of bases) {
          for (const path of ([] as string[]).concat(paths)) {
            found.push({
              key: `${RequestMethod[method].toLowerCase()} ${join(base, path)}`,
              isPublic: Boolean(isPublic),
              roles,
              definition,
            });
          }
        }
      }
    }
  }
  return found;
}

export interface QueryParameter {
  name: string;
  /** Read as a number (`page`, `minPosition`): digits beyond its bound, `1e400`, must be refused. */
  numeric: boolean;
  /** A calendar day (`from`, `today`, `nextActionDueBefore`): an impossible or extreme day must be refused. */
  date: boolean;
  example?: string;
}

export interface HttpQueryRoute {
  path: string;
  pathParams: string[];
  pathExamples: Record<string, string>;
  query: QueryParameter[];
}

/** Every GET route the Express app serves, with its documented query parameters. */
export function httpQueryRoutes(app: INestApplication, openApi: OpenApiDocument): HttpQueryRoute[] {
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack: ExpressLayer[] };
    _router?: { stack: ExpressLayer[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes: HttpQueryRoute[] = [];
  for (const layer of stack) {
    if (!layer.route?.methods.get) continue;
    for (const path of ([] as string[]).concat(layer.route.path)) {
      if (path.includes('*')) continue;
      const parameters = openApi.paths[path.replace(/:(\w+)/g, '{$1}')]?.get?.parameters ?? [];
      const query = parameters
        .filter((p) => p.in === 'query')
        .map((p) => {
          const example = p.example ?? p.schema?.example ?? p.schema?.default ?? p.schema?.enum?.[0];
          const text = example === undefined ? undefined : String(example);
          return {
            name: p.name,
            numeric: p.schema?.type === 'number' || p.schema?.type === 'integer',
            date: /^\d{4}-\d{2}-\d{2}$/.test(text ?? '') || /(On|Date|Before)$|^(from|to|today)$/.test(p.name),
            example: text,
          };
        });
      routes.push({
        path,
        pathParams: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
        pathExamples: documentedPathExamples(openApi, 'get', path),
        query,
      });
    }
  }
  return routes;
}

/** A DTO's fields and the names of the class-validator rules on each (`isDateOnly`, `isInt`, `matches` …). */
export function dtoRules(dto: new () => object): Map<string, Set<string>> {
  const rules = new Map<string, Set<string>>();
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const names = rules.get(meta.propertyName) ?? new Set<string>();
    names.add(meta.name ?? meta.type);
    rules.set(meta.propertyName, names);
  }
  return rules;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
        parameters?: { name: string; in: string; example?: unknown; schema?: SchemaObject }[];
      }
    >
  >;
  components?: { schemas?: Record<string, SchemaObject> };
}

interface SchemaObject {
  $ref?: string;
  type?: string;
  default?: unknown;
  enum?: unknown[];
  allOf?: SchemaObject[];
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  required?: string[];
  example?: unknown;
}

function bodySchema(doc: OpenApiDocument, method: string, expressPath: string): SchemaObject | undefined {
  const openApiPath = expressPath.replace(/:(\w+)/g, '{$1}');
  const schema = doc.paths[openApiPath]?.[method]?.requestBody?.content?.['application/json']?.schema;
  return schema && resolve(doc, schema);
}

function documentedPathExamples(doc: OpenApiDocument, method: string, expressPath: string): Record<string, string> {
  const parameters = doc.paths[expressPath.replace(/:(\w+)/g, '{$1}')]?.[method]?.parameters ?? [];
  const examples = parameters
    .filter((p) => p.in === 'path')
    .map((p) => [p.name, p.example ?? p.schema?.example ?? p.schema?.enum?.[0]] as const)
    .filter(([, example]) => example !== undefined);
  return Object.fromEntries(examples.map(([name, example]) => [name, String(example)]));
}

function documentedExample(doc: OpenApiDocument, method: string, expressPath: string): Record<string, unknown> {
  const example = exampleOf(doc, bodySchema(doc, method, expressPath) ?? {}, 0);
  return example !== null && typeof example === 'object' && !Array.isArray(example)
    ? (example as Record<string, unknown>)
    : {};
}

function exampleOf(doc: OpenApiDocument, schema: SchemaObject, depth: number): unknown {
  if (schema.example !== undefined) return schema.example;
  const target = schema.$ref || schema.allOf ? resolve(doc, schema) : schema;
  if (!target || depth > 5) return undefined;
  if (target.enum?.length) return target.enum[0];
  if (target.type === 'array') {
    const item = target.items && exampleOf(doc, target.items, depth + 1);
    return item === undefined ? [] : [item];
  }
  if (!target.properties) return undefined;
  const required = new Set(target.required ?? []);
  const entries = Object.entries(target.properties)
    .filter(([name, property]) => required.has(name) || property.example !== undefined)
    .map(([name, property]) => [name, exampleOf(doc, property, depth + 1) ?? plausible(name, property)] as const)
    .filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries);
}

/** For a documented field without an example: an id-shaped UUID, a boolean, a small number. */
function plausible(name: string, property: SchemaObject): unknown {
  if (property.type === 'boolean') return false;
  if (property.type === 'integer' || property.type === 'number') return 1;
  if (property.type === 'string' && /Id$/.test(name)) return '0b5d7a53-2a4c-4f0e-9d51-3c8f0f6b1a11';
  return undefined;
}

function documentedBody(doc: OpenApiDocument, method: string, expressPath: string): FieldShape[] {
  const body = bodySchema(doc, method, expressPath);
  if (!body?.properties) return [];
  const required = new Set(body.required ?? []);
  return Object.entries(body.properties).map(([name, property]) => ({
    name,
    kind: kindOfSchema(doc, property),
    required: required.has(name),
  }));
}

function resolve(doc: OpenApiDocument, schema: SchemaObject): SchemaObject | undefined {
  if (schema.$ref) return doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0]);
  return schema;
}

function kindOfSchema(doc: OpenApiDocument, property: SchemaObject): FieldKind {
  if (property.$ref || property.allOf) {
    const target = resolve(doc, property);
    return target?.enum ? 'enum' : 'object';
  }
  if (property.enum) return 'enum';
  switch (property.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      return 'object';
    default:
      return 'unknown';
  }
}

/** Each CommandDefinition's DTO fields, from the class-validator rules both doors validate with, and the roles it admits. */
export function kafkaCommands(definitions: CommandDefinition[]): KafkaCommand[] {
  return definitions.map((definition) => {
    const rules = dtoRules(definition.dto);
    const fields = [...rules].map(([name, names]) => ({
      name,
      kind: kindOfRules(names),
      // IsOptional and ValidateIf (`Absent()`, conditional fields) skip a missing value.
      required: !names.has('isOptional') && !names.has('conditionalValidation'),
    }));
    return { type: definition.type, fields, roles: [...definition.access.roles] };
  });
}

function kindOfRules(names: Set<string>): FieldKind {
  if (names.has('isArray')) return 'array';
  if (names.has('isObject') || names.has('nestedValidation')) return 'object';
  if (names.has('isIn')) return 'enum';
  if (names.has('isBoolean')) return 'boolean';
  if (names.has('isInt') || names.has('isNumber') || names.has('min') || names.has('max')) return 'number';
  if (['isString', 'matches', 'isUuid', 'isIso8601', 'isDateOnly', 'maxLength', 'isNotEmpty'].some((n) => names.has(n)))
    return 'string';
  return 'unknown';
}
