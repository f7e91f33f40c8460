/**
 * The public description of one event type: what outside consumers of the Kafka topics may rely
 * on. The payload schema is JSON Schema (draft 2020-12 subset that AsyncAPI 3 accepts);
 * docs/asyncapi.yaml is generated from these (npm run docs:asyncapi) and a test keeps the two,
 * and the deciders' events, in agreement.
 */
export interface JsonSchema {
  type?:
    | 'object'
    | 'string'
    | 'integer'
    | 'number'
    | 'boolean'
    | 'array'
    | 'null'
    | ('string' | 'null' | 'integer' | 'number' | 'object')[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: (string | number | null)[];
  format?: 'date' | 'date-time' | 'uuid';
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
}

export interface EventContract {
  type: string;
  context: string;
  /** Current schema version (events are written at this version). */
  version: number;
  /** One line: what happened, in Korean and English. */
  summary: string;
  payload: JsonSchema;
}

/** Shorthands for payload schemas. */
export const s = {
  string: (description?: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({
    type: 'string',
    ...(description ? { description } : {}),
    ...extra,
  }),
  uuid: (description?: string): JsonSchema => ({
    type: 'string',
    format: 'uuid',
    ...(description ? { description } : {}),
  }),
  date: (description?: string): JsonSchema => ({
    type: 'string',
    format: 'date',
    ...(description ? { description } : {}),
  }),
  dateTime: (description?: string): JsonSchema => ({
    type: 'string',
    format: 'date-time',
    ...(description ? { description } : {}),
  }),
  integer: (description?: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({
    type: 'integer',
    ...(description ? { description } : {}),
    ...extra,
  }),
  number: (description?: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({
    type: 'number',
    ...(description ? { description } : {}),
    ...extra,
  }),
  boolean: (description?: string): JsonSchema => ({ type: 'boolean', ...(description ? { description } : {}) }),
  enum: (values: readonly string[], description?: string): JsonSchema => ({
    type: 'string',
    enum: [...values],
    ...(description ? { description } : {}),
  }),
  array: (items: JsonSchema, description?: string): JsonSchema => ({
    type: 'array',
    items,
    ...(description ? { description } : {}),
  }),
  nullable: (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type as 'string', 'null'] }),
  /** An envelope sealed with her data key by the privacy vault (docs/PRIVACY.md): unreadable once she is erased. */
  sealed: (what: string): JsonSchema => ({
    type: 'string',
    description: `${what} sealed with her data key: pd1.<kid>.<iv>.<ciphertext>.<tag> (base64url parts); unreadable once she is erased`,
    pattern: '^pd1\\.[0-9a-f-]{36}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+$',
  }),
  /** Every property listed is required unless named in `optional`; no other property allowed. */
  object: (properties: Record<string, JsonSchema>, optional: string[] = [], description?: string): JsonSchema => ({
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  }),
};
