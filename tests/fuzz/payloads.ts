/**
 * Generators of malformed command input. Every payload they make breaks at least one rule by
 * construction (a body that is not a JSON object, a field the DTO does not know, a known field of
 * the wrong type, a required field left out, an envelope that is not a command), so none can be
 * accepted and append an event; on top of that they pile up the kinds of garbage integrations and
 * attackers send: huge and odd unicode strings, deep nesting, prototype-pollution keys, dates that
 * do not exist, NaN-like strings, malformed ids.
 */
import fc from 'fast-check';
import type { FieldKind, FieldShape } from './targets';

/** Strings that look like something they are not. */
const TRICKY_STRINGS = [
  '',
  ' ',
  '\t\n',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2026-1-1',
  '+275760-09-13',
  '2026-01-01T25:61:61Z',
  '99999-01-01',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '123e4567-e89b-12d3-a456-42661417400',
  '123e4567e89b12d3a456426614174000',
  'g23e4567-e89b-42d3-a456-426614174000',
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '$where',
  '{"$gt": ""}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '\u200B\u200D\uFEFF',
  '👩‍👩‍👧‍👦',
  'ﷺ'.repeat(50),
  '김영희\u0301\u0301\u0301',
  '%00',
  '%E0%A4%A',
  // issue 13: what PostgreSQL cannot store, text that is not NFC, invisible text, impossible and extreme days
  'topic\u0000',
  'a\uDFFF',
  '\uDC00\uD800',
  '김영희'.normalize('NFD'),
  'Cafe\u0301',
  'a\u200Bb',
  '2024-02-30',
  '2025-02-29',
  '0000-01-01',
  '9999-12-31',
  '9999-12-31T23:59:59.999Z',
  '99999999999999999999',
  '1e400',
];

/**
 * Values that are well-typed enough to pass a careless check and still must never reach the
 * database (issue 13), each with what the answer must be when one is put into a field:
 * - `unstorable`: U+0000 or an unpaired surrogate — PostgreSQL's text and jsonb cannot hold them:
 *   a 400 naming the field, whatever the field.
 * - `unsafeNumber`: past 2^53, or 1e400 (Infinity once parsed): a 400 naming the field.
 * - `impossibleDate`: a day that does not exist or is out of range: a 400 naming the field when
 *   it is a date field; elsewhere it is only text.
 * - `oddText`: storable but unusual (decomposed Hangul, zero-width and bidi characters): never a
 *   5xx; success, or a refusal that appends nothing.
 * Numbers are given as the JSON text to send (`1e400` has no JavaScript value to stringify).
 */
export type EdgeClass = 'unstorable' | 'unsafeNumber' | 'impossibleDate' | 'oddText';
export interface EdgeValue {
  kind: EdgeClass;
  /** The value as it is put into a query string or a header. */
  text: string;
  /** The value as JSON text in a body. */
  json: string;
}

const edge = (kind: EdgeClass, values: string[], json: (v: string) => string = (v) => JSON.stringify(v)): EdgeValue[] =>
  values.map((text) => ({ kind, text, json: json(text) }));

export const EDGE_VALUES: EdgeValue[] = [
  ...edge('unstorable', [
    '\u0000',
    'topic\u0000',
    '\u0000\u0000\u0000',
    '\uD800',
    'a\uDFFF',
    '\uDC00\uD800',
    '상담\uDBFF',
    '2026-01-0\u0000',
  ]),
  ...edge(
    'unsafeNumber',
    ['9007199254740993', '99999999999999999999', '1e400', '-1e400', '1e308', '-9007199254740993'],
    (v) => v,
  ),
  ...edge('impossibleDate', [
    '2024-02-30',
    '2025-02-29',
    '2026-04-31',
    '0000-01-01',
    '1899-12-31',
    '2100-01-01',
    '9999-12-31',
    '9999-12-31T23:59:59.999Z',
    '+275760-09-13',
  ]),
  ...edge('oddText', [
    '김영희'.normalize('NFD'),
    'Cafe\u0301',
    '\u200B',
    'a\u200Bb',
    '\u200D\uFEFF',
    '\u202Eevil',
    '\u00A0',
    'ﷺ',
    '👩\u200D👩\u200D👧',
  ]),
];

export const edgeValue: fc.Arbitrary<EdgeValue> = fc.constantFrom(...EDGE_VALUES);

/** A JSON object's text with `field` set to the edge value's JSON (or to a one-element list of it, for a list field). */
export function bodyWithEdge(base: Record<string, unknown>, field: string, value: EdgeValue, asList = false): string {
  const marker = '"@@edge@@"';
  const json = JSON.stringify({ ...base, [field]: asList ? ['@@edge@@'] : '@@edge@@' });
  return json.replace(marker, value.json);
}

/** The same as a string no HTTP client would send: an Idempotency-Key of these bytes (NUL, bytes that are not UTF-8, a CR). */
export const RAW_HEADER_VALUES: Buffer[] = [
  Buffer.from('key-with-nul-\u0000-1234', 'latin1'),
  Buffer.from([0x6b, 0x65, 0x79, 0x2d, 0xed, 0xa0, 0x80, 0x2d, 0x31, 0x32, 0x33, 0x34]), // a lone surrogate, CESU-8
  Buffer.from([0x6b, 0x65, 0x79, 0x2d, 0xff, 0xfe, 0x2d, 0x31, 0x32, 0x33, 0x34]),
  Buffer.from('key-\u00e9\u00e9-123456', 'latin1'),
  Buffer.from('key-with-cr-\r-1234', 'latin1'),
];

/** Idempotency-Key values a client can send that the API must refuse (400 naming Idempotency-Key): too short, too long, spaces, odd characters. */
export const BAD_IDEMPOTENCY_KEYS = [
  'short',
  'k'.repeat(201),
  'key with spaces 1234',
  'key/with/slashes',
  'key"quoted"1234',
  "key'1234'5678",
  'key;drop;1234',
  '1e400',
  'key?1234&5678',
  'key\u00e9-12345678',
];

/** Keys that poison objects (and the ones that merely look interesting to a server). */
export const POISON_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '',
];

const hugeString = fc
  .tuple(fc.constantFrom('A', '가', '👩', '\u0301', ' '), fc.integer({ min: 1_000, max: 120_000 }))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.uuid(), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  // 1e-7 and below print in exponent notation, which class-validator's maxDecimalPlaces choked on
  fc.constantFrom(
    -0,
    0.1,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 53,
    -(2 ** 60),
    5e-324,
    1e-7,
    1.5e-10,
    2 ** 31,
    -1,
  ),
);

const nastyScalar: fc.Arbitrary<unknown> = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null));

/** An object nested up to `maxDepth` levels down: `{"a":{"a":…}}` or `[[…]]`. */
const deepNesting = (maxDepth: number): fc.Arbitrary<unknown> =>
  fc.tuple(fc.integer({ min: 50, max: maxDepth }), fc.boolean()).map(([depth, asArray]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
    return value;
  });

/** An object with own keys (Object.fromEntries, so `__proto__` is a key, not a prototype). */
const objectOf = (key: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>, maxKeys: number) =>
  fc.array(fc.tuple(key, value), { maxLength: maxKeys }).map((entries) => Object.fromEntries(entries));

const anyKey = fc.oneof(fc.constantFrom(...POISON_KEYS), fc.string({ maxLength: 12 }));

/**
 * Any value a field should refuse, nested up to `maxDepth` levels. 4,000 levels reach the
 * stack limits of recursive parsers (the malformed-body tests). The unknown-record property sends
 * such values inside otherwise valid bodies, and there the test process itself ran out of stack
 * in about one run in five (before any answer was checked: in fast-check or the HTTP client, not
 * the server); it uses 200 levels, still twenty times the depth the server accepts.
 */
export const nastyValueNestedUpTo = (maxDepth: number): fc.Arbitrary<unknown> =>
  fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: nastyScalar, weight: 6 },
      { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
      { arbitrary: objectOf(anyKey, tie('value'), 4), weight: 1 },
      { arbitrary: deepNesting(maxDepth), weight: 1 },
    ),
  })).value;

export const nastyValue: fc.Arbitrary<unknown> = nastyValueNestedUpTo(4_000);

/** A non-null value no validator of that kind of field can accept. */
export function wrongValueFor(kind: FieldKind): fc.Arbitrary<unknown> | undefined {
  const object = objectOf(anyKey, nastyScalar, 3);
  const array = fc.array(nastyScalar, { maxLength: 3 });
  switch (kind) {
    case 'string':
      return fc.oneof(nastyNumber, fc.boolean(), object, array);
    case 'number':
      return fc.oneof(
        fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '12', '3.5', 'abc'),
        fc.boolean(),
        object,
        array,
      );
    case 'boolean':
      return fc.oneof(fc.constantFrom('true', 'false', '1', '0', 'yes'), fc.constantFrom(0, 1), object, array);
    case 'enum':
      return fc.oneof(object, array);
    case 'array':
      return fc.oneof(nastyString, nastyNumber, fc.boolean(), object);
    case 'object':
      return fc.oneof(nastyString, nastyNumber, fc.boolean());
    case 'unknown':
      return undefined;
  }
}

/** A key that poisons objects, with a value that would show as `({}).polluted` if it ever reached a prototype. */
export const poisonEntry: fc.Arbitrary<[string, unknown]> = fc.oneof(
  fc.tuple(fc.constantFrom(...POISON_KEYS), nastyValue),
  fc.constant<[string, unknown]>(['__proto__', { polluted: 'yes', isAdmin: true }]),
  fc.constant<[string, unknown]>(['constructor', { prototype: { polluted: 'yes' } }]),
);

/** A field name the DTO does not have: whitelisting must refuse it. */
const unknownFieldName = (known: Set<string>) =>
  fc
    .oneof(
      fc.constantFrom(
        'isAdmin',
        'role',
        'id',
        'streamVersion',
        'globalPosition',
        'createdAt',
        'centerIds',
        'password',
        'a.b',
        '$set',
        '名前',
        'name ',
        'NAME',
      ),
      fc.string({ minLength: 1, maxLength: 20 }).map((s) => `fuzz_${s}`),
    )
    .filter((name) => !known.has(name) && !POISON_KEYS.includes(name));

/**
 * A JSON object for a command with these fields, broken by construction: the known fields get
 * garbage or are left out, and at least one of the sure breaks is applied (an unknown field, a
 * wrong-typed known field and, when `missingRequiredBreaks`, a required field left out — only
 * where which fields are required is known exactly). Poison keys and, for routes, a path id
 * contradicting the URL are added on top.
 */
export function brokenObject(
  fields: FieldShape[],
  options: { missingRequiredBreaks: boolean; contradictable?: string[] },
): fc.Arbitrary<Record<string, unknown>> {
  const known = new Set(fields.map((f) => f.name));
  const typed = fields.filter((f) => wrongValueFor(f.kind));
  const required = options.missingRequiredBreaks ? fields.filter((f) => f.required) : [];

  type Break = { set?: [string, unknown]; drop?: string };
  const breaks: fc.Arbitrary<Break>[] = [
    unknownFieldName(known).chain((name) => nastyValue.map((value): Break => ({ set: [name, value] }))),
  ];
  if (typed.length > 0) {
    breaks.push(
      fc.constantFrom(...typed).chain((f) => wrongValueFor(f.kind)!.map((value): Break => ({ set: [f.name, value] }))),
    );
  }
  if (required.length > 0) breaks.push(fc.constantFrom(...required).map((f): Break => ({ drop: f.name })));

  const garbageFields = fields.map((f) =>
    fc
      .option(fc.oneof(nastyValue, wrongValueFor(f.kind) ?? nastyValue), { nil: undefined, freq: 3 })
      .map((value) => [f.name, value] as const),
  );
  const contradictions = (options.contradictable ?? []).map((name) =>
    fc.option(fc.uuid(), { nil: undefined, freq: 2 }).map((value) => [name, value] as const),
  );

  return fc
    .record({
      base: fc.tuple(...garbageFields),
      sure: fc.array(fc.oneof(...breaks), { minLength: 1, maxLength: 3 }),
      poison: fc.array(poisonEntry, { maxLength: 2 }),
      contradicted: fc.tuple(...contradictions),
    })
    .map(({ base, sure, poison, contradicted }) => {
      const entries = new Map<string, unknown>();
      for (const [name, value] of [...base, ...contradicted]) if (value !== undefined) entries.set(name, value);
      for (const [name, value] of poison) if (!known.has(name)) entries.set(name, value);
      for (const { set, drop } of sure) {
        if (set) entries.set(set[0], set[1]);
        if (drop) entries.delete(drop);
      }
      return Object.fromEntries(entries);
    });
}

/** Text sent with `Content-Type: application/json` that is not a JSON object at all. */
export const notAnObjectBody: fc.Arbitrary<string> = fc.oneof(
  // valid JSON, wrong shape
  fc.array(nastyValue, { maxLength: 4 }).map((v) => JSON.stringify(v)),
  fc
    .tuple(nastyString, nastyNumber, fc.boolean())
    .chain((values) => fc.constantFrom(...values, null))
    .map((v) => JSON.stringify(v)),
  // not JSON
  fc.constantFrom(
    '{',
    '{"a":',
    "{'a': 1}",
    '{"a":1,}',
    '{"a":1} trailing',
    '[1,2',
    'undefined',
    'NaN',
    '{a:1}',
    '/* */ {}',
    '{"a":1}{"b":2}',
    '\u0000',
    '{"a":"\\uZZZZ"}',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((s) => !isJsonObject(s)),
);

function isJsonObject(text: string): boolean {
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** A path id: mostly a valid UUID no record has (to reach validation and the handler), sometimes malformed. */
export const pathId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.uuid({ version: 4 }), weight: 3 },
  {
    arbitrary: fc.oneof(
      fc.constantFrom(
        'x',
        '0',
        'null',
        'undefined',
        '..',
        '%2e%2e',
        '%E0%A4%A',
        '%00',
        '%F0%9F%98%80',
        'a'.repeat(300),
        '00000000-0000-0000-0000-00000000000g',
        '123e4567e89b12d3a456426614174000',
        "'%20OR%201=1",
      ),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
    ),
    weight: 2,
  },
);

/** The longest access token the command topic reads as one (longer: not a command). */
export const MAX_ACCESS_TOKEN_LENGTH = 4096;

/**
 * A token the test puts into a message when it sends it (tokens age, so they are fetched per
 * batch): `caller`, the token of someone the command's definition admits (a supervisor wherever
 * supervisors are admitted), so the payload reaches validation; `tampered`, that token with one
 * character changed at `at` (modulo its length), which no account holds.
 */
export type TokenSlot = { kind: 'caller' } | { kind: 'tampered'; at: number };

/** A message for the Kafka command topic and what it must produce. */
export type CommandTopicMessage = (
  | {
      value: string;
      expect: 'reply';
      commandId: string;
      type: string;
      /** The rejection it must get: VALIDATION_FAILED with field errors, or the token's refusal (a 401 kind). */
      code: 'VALIDATION_FAILED' | 'AUTHENTICATION_REQUIRED' | 'INVALID_TOKEN';
    }
  | { value: string; expect: 'dead-letter' }
) & { token?: TokenSlot };

/**
 * The message as sent, with the token its slot names put first into its envelope (`value` is a
 * JSON object with at least one key whenever it has a slot).
 */
export function withAccessToken(value: string, token: string): string {
  return value === '{}'
    ? JSON.stringify({ accessToken: token })
    : `{"accessToken":${JSON.stringify(token)},${value.slice(1)}`;
}

/** The real token with one character changed: a forged signature, a broken header or claims. */
export function tampered(token: string, at: number): string {
  const i = at % token.length;
  const replacement = token[i] === 'A' ? 'B' : 'A';
  return `${token.slice(0, i)}${replacement}${token.slice(i + 1)}`;
}

/**
 * A well-formed envelope of a known command whose payload is broken, sent with the token of
 * someone the command admits: it must be answered with a VALIDATION_FAILED rejection.
 */
export function brokenCommand(type: string, fields: FieldShape[]): fc.Arbitrary<CommandTopicMessage> {
  return fc
    .record({
      commandId: fc.uuid().map((id) => `fuzz-${id}`),
      // Optional and informational now: the recorded actor is the token's account.
      actorId: fc.option(
        fc.oneof(fc.constant('fuzz-app'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })),
        { nil: undefined, freq: 4 },
      ),
      correlationId: fc.option(nastyValue, { nil: undefined }),
      payload: brokenObject(fields, { missingRequiredBreaks: true }),
      extra: fc.array(poisonEntry, { maxLength: 1 }),
    })
    .map(({ commandId, actorId, correlationId, payload, extra }) => {
      const envelope = Object.fromEntries([
        ...extra,
        ['commandId', commandId],
        ['type', type],
        ['actorId', actorId],
        ['correlationId', correlationId],
        ['payload', payload],
      ]);
      return {
        value: JSON.stringify(envelope),
        expect: 'reply' as const,
        commandId,
        type,
        code: 'VALIDATION_FAILED' as const,
        token: { kind: 'caller' as const },
      };
    });
}

/** Access tokens no account holds: garbage, forged JWTs, lengths on both sides of the limit. */
const badTokenString: fc.Arbitrary<string> = fc.oneof(
  nastyString,
  fc.constantFrom(
    'garbage',
    'Bearer',
    'null',
    // A JWT of the right shape: no signature, the "none" algorithm, another key's signature.
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged',
    'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsInZlciI6MSwiaXNzIjoic2FlaWwiLCJhdWQiOiJzYWVpbC1hcGkifQ.',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJ2ZXIiOjEsImlzcyI6InNhZWlsIiwiYXVkIjoic2FlaWwtYXBpIn0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
    '...',
    'A'.repeat(MAX_ACCESS_TOKEN_LENGTH),
    'A'.repeat(MAX_ACCESS_TOKEN_LENGTH + 1),
  ),
  fc
    .tuple(fc.base64String({ maxLength: 200 }), fc.base64String({ maxLength: 400 }), fc.base64String({ maxLength: 60 }))
    .map((parts) => parts.join('.').replace(/=/g, '')),
);

/** The rejection or dead letter a command with this (non-string, too long or unknown) access token gets. */
function expectationForToken(
  token: unknown,
  commandId: string,
  type: string,
): Pick<CommandTopicMessage, 'expect'> &
  Partial<{ commandId: string; type: string; code: 'AUTHENTICATION_REQUIRED' | 'INVALID_TOKEN' }> {
  if (typeof token !== 'string' || token.length > MAX_ACCESS_TOKEN_LENGTH) return { expect: 'dead-letter' };
  return { expect: 'reply', commandId, type, code: token === '' ? 'AUTHENTICATION_REQUIRED' : 'INVALID_TOKEN' };
}

/**
 * A message that is not a command at all, which must go to the command dead-letter topic; or a
 * command no account sent — its access token missing a string's shape or length (dead-lettered
 * too), or a string no account holds (garbage, forged, the real one tampered with), which must be
 * rejected with a 401 kind of code whatever its payload: never accepted, never a crash.
 */
export function notACommand(knownTypes: string[]): fc.Arbitrary<CommandTopicMessage> {
  const known = new Set(knownTypes);
  const goodId = fc.uuid().map((id) => `fuzz-${id}`);
  const knownType = fc.constantFrom(...knownTypes);
  const payload = objectOf(anyKey, nastyValue, 3);
  const envelope = (fields: fc.Arbitrary<[string, unknown][]>) =>
    fields.map((entries) => JSON.stringify(Object.fromEntries(entries.filter(([, v]) => v !== undefined))));
  const badCommandId = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('short', 'has space in it', 'slash/slash/slash', '', 'a'.repeat(201), '김영희김영희김영희'),
    nastyNumber,
    fc.constant(null),
  );
  const badType = fc.oneof(
    fc.constant(undefined),
    nastyString.filter((t) => !known.has(t)),
    knownType.map((t) => t.toLowerCase()).filter((t) => !known.has(t)),
    nastyNumber,
  );
  // actorId is optional now (informational: the recorded actor is the token's account), and may
  // be empty; what is not a string of at most 128 characters is still not a command.
  const badActor = fc.oneof(
    fc.constant('a'.repeat(129)),
    nastyNumber,
    fc.constant(null),
    fc.boolean(),
    fc.array(nastyString, { maxLength: 2 }),
    objectOf(anyKey, nastyScalar, 2),
  );
  const badPayload = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.array(nastyValue, { maxLength: 3 }),
    nastyString,
    nastyNumber,
  );
  // The envelopes broken otherwise are sent with a good token or none: a token never makes them commands.
  const anyToken = fc.option(fc.constant<TokenSlot>({ kind: 'caller' }), { nil: undefined });
  const letter = (value: fc.Arbitrary<string>) =>
    fc
      .tuple(value, anyToken)
      .map(([v, token]): CommandTopicMessage => ({ value: v, expect: 'dead-letter', ...(token ? { token } : {}) }));
  const notCommands = fc.oneof(
    notAnObjectBody.map((value): CommandTopicMessage => ({ value, expect: 'dead-letter' })),
    letter(
      envelope(
        fc.tuple(badCommandId, knownType, fc.constant('fuzz-app'), payload).map(([c, t, a, p]) => [
          ['commandId', c],
          ['type', t],
          ['actorId', a],
          ['payload', p],
        ]),
      ),
    ),
    letter(
      envelope(
        fc.tuple(goodId, badType, fc.constant('fuzz-app'), payload).map(([c, t, a, p]) => [
          ['commandId', c],
          ['type', t],
          ['actorId', a],
          ['payload', p],
        ]),
      ),
    ),
    letter(
      envelope(
        fc.tuple(goodId, knownType, badActor, payload).map(([c, t, a, p]) => [
          ['commandId', c],
          ['type', t],
          ['actorId', a],
          ['payload', p],
        ]),
      ),
    ),
    letter(
      envelope(
        fc.tuple(goodId, knownType, fc.constant('fuzz-app'), badPayload).map(([c, t, a, p]) => [
          ['commandId', c],
          ['type', t],
          ['actorId', a],
          ['payload', p],
        ]),
      ),
    ),
  );
  // An access token that is not a string (or too long to be one): not a command either.
  const notAToken = fc.oneof(
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(nastyString, { maxLength: 2 }),
    objectOf(anyKey, nastyScalar, 2),
    fc.constant('A'.repeat(MAX_ACCESS_TOKEN_LENGTH + 1)),
  );
  const actor = fc.option(fc.constant('fuzz-app'), { nil: undefined });
  const unauthenticated = fc
    .record({ commandId: goodId, type: knownType, actorId: actor, payload, token: fc.oneof(badTokenString, notAToken) })
    .map(({ commandId, type, actorId, payload: p, token }): CommandTopicMessage => {
      const value = JSON.stringify(
        Object.fromEntries(
          Object.entries({ commandId, type, actorId, accessToken: token, payload: p }).filter(
            ([, v]) => v !== undefined,
          ),
        ),
      );
      const expected = expectationForToken(token, commandId, type);
      return expected.expect === 'dead-letter'
        ? { value, expect: 'dead-letter' }
        : { value, expect: 'reply', commandId, type, code: expected.code! };
    });
  return fc.oneof(
    { arbitrary: notCommands, weight: 5 },
    { arbitrary: unauthenticated, weight: 2 },
    { arbitrary: tamperedCommand(knownTypes), weight: 1 },
  );
}

/** A command of a known type signed with the real token of its caller, one character changed: INVALID_TOKEN, whatever its payload. */
export function tamperedCommand(knownTypes: string[]): fc.Arbitrary<CommandTopicMessage> {
  return fc
    .record({
      commandId: fc.uuid().map((id) => `fuzz-${id}`),
      type: fc.constantFrom(...knownTypes),
      payload: objectOf(anyKey, nastyValue, 3),
      at: fc.nat(),
    })
    .map(({ commandId, type, payload, at }): CommandTopicMessage => ({
      value: JSON.stringify({ commandId, type, payload }),
      expect: 'reply',
      commandId,
      type,
      code: 'INVALID_TOKEN',
      token: { kind: 'tampered', at },
    }));
}
