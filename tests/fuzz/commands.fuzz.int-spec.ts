/**
 * Bad input (issue 5): thousands of malformed payloads at every command route and at the Kafka
 * command topic. Every answer must be a 4xx (or a rejection on the reply topic, or the message on
 * the command dead-letter topic), never a 5xx, a hang or a crash, and no event may be appended.
 * The targets are read from the running app (its router, its OpenAPI document, the modules'
 * CommandDefinitions), so commands added later are fuzzed without editing this file.
 *
 * Every request carries the token of someone the route admits (a supervisor of the center its
 * documented body names, wherever supervisors are admitted; the administrator on hers; nobody on
 * the public login routes), read from the routes' own `@Roles`, so the malformed input reaches
 * validation: an answer from the AuthGuard instead (401, 403 ACCESS_DENIED) fails the test.
 *
 * The Kafka command topic is authorized the same way: every broken command carries the access
 * token of someone its definition admits (`access.roles`: a supervisor wherever supervisors are),
 * so it is refused by validation (VALIDATION_FAILED), never by the token check. Messages whose
 * token is not a string or no account's (garbage, forged, tampered) are fuzzed alongside: they
 * must be dead-lettered or rejected with a 401 kind of code, never accepted, never a crash.
 *
 * On failure fast-check prints the payload, the seed and the path; rerun one with
 * `FC_SEED=<seed> npx jest tests/fuzz`.
 */
import http from 'node:http';
import fc from 'fast-check';
import { Kafka, logLevel, Producer } from 'kafkajs';
import request from 'supertest';
import { SAEIL_MODULES } from '@saeil/app';
import { countEvents, startTestSaeil, TestSaeil } from '../support/app';
import {
  ADMINISTRATOR,
  Caller,
  counselorOf,
  MINISTRY_ANALYST,
  regionalSupervisorOf,
  supervisorOf,
  tokenFor,
} from '../support/auth';
import { describeKafka, kafkaBrokers, waitFor } from '../support/env';
import { KafkaObserver, observeTopics } from '../support/kafka-observer';
import {
  brokenCommand,
  brokenObject,
  CommandTopicMessage,
  nastyValueNestedUpTo,
  notACommand,
  notAnObjectBody,
  pathId,
  tampered,
  tamperedCommand,
  withAccessToken,
} from './payloads';
import {
  httpCommandRoutes,
  HttpCommandRoute,
  KafkaCommand,
  kafkaCommands,
  OpenApiDocument,
  RouteAccess,
  routeAccess,
  routeKey,
} from './targets';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
/** Malformed requests per route: about 1,800 in all with today's ~50 routes. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 35);
/** Batches on the command topic, each one broken message per command plus a few that are not commands. */
const KAFKA_BATCHES = Number(process.env.FUZZ_KAFKA_BATCHES ?? 10);
/** Requests per route with ids in its path, aimed past validation at a record that does not exist. */
const UNKNOWN_RECORD_RUNS_PER_ROUTE = Number(process.env.FUZZ_UNKNOWN_RECORD_RUNS ?? 10);
const REQUEST_TIMEOUT_MS = 10_000;

/** What a response must never carry: a stack trace, SQL, a file path of the server. */
const LEAK = /QueryFailedError|node_modules|\.[jt]s:\d+:\d+|SELECT .* FROM|INSERT INTO/;

/**
 * fc.assert, with a report that stays readable: a counterexample can be a 100 kB string or 4,000
 * levels of nesting, so it is cut, and the seed and path to replay it come first.
 */
async function check<T>(target: string, property: fc.IAsyncProperty<T>, params: fc.Parameters<T>): Promise<void> {
  const details = await fc.check(property, params);
  if (!details.failed) return;
  const counterexample = printable(details.counterexample);
  const cut =
    counterexample.length > 3_000
      ? `${counterexample.slice(0, 3_000)}… (${counterexample.length} characters)`
      : counterexample;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `${target}: failed after ${details.numRuns} run(s), seed ${details.seed}, path "${details.counterexamplePath}" (rerun with FC_SEED=${details.seed})\n${cause.slice(0, 3_000)}\ncounterexample: ${cut}`,
  );
}

function tally(answers: Map<string, Map<string, number>>, route: HttpCommandRoute, answer: string): void {
  const key = `${route.method.toUpperCase()} ${route.path}`;
  const counts = answers.get(key) ?? new Map<string, number>();
  counts.set(answer, (counts.get(answer) ?? 0) + 1);
  answers.set(key, counts);
}

const definitions = SAEIL_MODULES.flatMap((m) => m.commands);

/**
 * Who sends a route its requests: someone it admits, so they get past the AuthGuard to the DTO's
 * validation. A supervisor (else a counselor) of the center the documented body names, center-naju
 * when it names none; else the administrator, a regional supervisor, the Ministry analyst, in that
 * order; nobody on a public route (login, refresh, logout).
 */
function callerFor(route: HttpCommandRoute, access: RouteAccess): Caller | undefined {
  if (access.public) return undefined;
  const centerId = typeof route.example.centerId === 'string' ? route.example.centerId : 'center-naju';
  if (access.roles.includes('supervisor')) return supervisorOf(centerId);
  if (access.roles.includes('counselor')) return counselorOf(centerId);
  if (access.roles.includes('administrator')) return ADMINISTRATOR;
  if (access.roles.includes('regional_supervisor')) return regionalSupervisorOf('전라남도');
  if (access.roles.includes('ministry_analyst')) return MINISTRY_ANALYST;
  throw new Error(`${routeKey(route)} admits nobody (no @Roles, not @Public): it cannot be fuzzed past the AuthGuard`);
}

/**
 * Who signs a command sent on the topic: someone its definition admits, in the order `callerFor`
 * prefers (a supervisor of center-naju wherever supervisors are admitted, as today for every
 * command), so the broken payload reaches validation.
 */
function commandCallerFor(command: KafkaCommand): Caller {
  if (command.roles.includes('supervisor')) return supervisorOf('center-naju');
  if (command.roles.includes('counselor')) return counselorOf('center-naju');
  if (command.roles.includes('administrator')) return ADMINISTRATOR;
  if (command.roles.includes('regional_supervisor')) return regionalSupervisorOf('전라남도');
  if (command.roles.includes('ministry_analyst')) return MINISTRY_ANALYST;
  throw new Error(`${command.type} admits nobody (no access.roles): it cannot be fuzzed past the token check`);
}

/** An answer of the AuthGuard rather than of the route: the request never reached validation. */
const refusedByGuard = (res: { status: number; body?: { error?: { code?: string } } }) =>
  res.status === 401 || res.body?.error?.code === 'ACCESS_DENIED';

describe('malformed commands are refused and change nothing', () => {
  let saeil: TestSaeil;
  let routes: HttpCommandRoute[];
  let access: Map<string, RouteAccess>;
  let commands: KafkaCommand[];
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    saeil = await startTestSaeil({ label: 'fuzz', kafka: Boolean(kafkaBrokers()) });
    const openApi: OpenApiDocument = (await request(saeil.url).get('/docs/openapi.json').expect(200)).body;
    routes = httpCommandRoutes(saeil.app, openApi);
    access = routeAccess(saeil.app);
    commands = kafkaCommands(definitions);
    if (process.env.FUZZ_LIST)
      console.log(
        routes
          .map(
            (r) =>
              `${r.method} ${r.path} [${r.fields.map((f) => `${f.name}:${f.kind}${f.required ? '!' : ''}`).join(' ')}]`,
          )
          .join('\n'),
      );
  });

  afterAll(async () => {
    keepAlive.destroy();
    await saeil?.dispose();
  });

  it('finds every command: each CommandDefinition of SAEIL_MODULES, and at least as many command routes', () => {
    expect(definitions.length).toBeGreaterThanOrEqual(30);
    expect(commands.map((c) => c.type).sort()).toEqual(definitions.map((d) => d.type).sort());
    expect(commands.every((c) => c.fields.length > 0)).toBe(true);
    // Every command admits someone the topic's broken messages can be signed by.
    expect(commands.filter((c) => c.roles.length === 0).map((c) => c.type)).toEqual([]);
    expect(commands.find((c) => c.type === 'RegisterClient')?.roles).toEqual(
      expect.arrayContaining(['counselor', 'supervisor']),
    );
    expect(routes.length).toBeGreaterThanOrEqual(definitions.length);
    const named = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(named).toEqual(
      expect.arrayContaining([
        'POST /clients',
        'PATCH /clients/:clientId/profile',
        'POST /clients/:clientId/placements/:placementId/end',
        'POST /auth/login',
      ]),
    );
    // Routes whose body is documented get their fields broken one by one, not only wholesale.
    expect(routes.filter((r) => r.fields.length > 0).length).toBeGreaterThanOrEqual(definitions.length);
    // Every route's access is known (from its controller), and names who may call it: a route
    // admitting nobody would be refused before validation and fuzzed for nothing.
    expect(routes.filter((r) => !access.has(routeKey(r))).map(routeKey)).toEqual([]);
    expect(
      routes
        .filter((r) => {
          const a = access.get(routeKey(r));
          return a && !a.public && a.roles.length === 0;
        })
        .map(routeKey),
    ).toEqual([]);
    expect(access.get('post /clients')).toEqual({
      public: false,
      roles: expect.arrayContaining(['counselor', 'supervisor']),
    });
    expect(access.get('post /auth/login')).toEqual({ public: true });
  });

  /** The Authorization header for the route's caller (none on a public route); tokens are renewed as they age. */
  async function authorizationFor(route: HttpCommandRoute): Promise<Record<string, string>> {
    const caller = callerFor(route, access.get(routeKey(route))!);
    return caller ? { Authorization: `Bearer ${await tokenFor(saeil.url, caller)}` } : {};
  }

  it('answers every malformed request to every command route with a 4xx and appends no event', async () => {
    const before = await countEvents(saeil);
    const failures: string[] = [];
    const answers = new Map<string, Map<string, number>>();
    for (const route of routes) {
      const ids = fc.tuple(...route.pathParams.map(() => pathId));
      const body = fc.oneof(
        { arbitrary: notAnObjectBody, weight: 1 },
        {
          arbitrary: brokenObject(route.fields, { missingRequiredBreaks: false, contradictable: route.pathParams }).map(
            (o) => JSON.stringify(o),
          ),
          weight: 4,
        },
      );
      const headers = fc.record(
        {
          'Idempotency-Key': fc.string({
            unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
            maxLength: 300,
          }),
          'X-Correlation-Id': fc.string({ maxLength: 40 }).map(encodeURIComponent),
        },
        { requiredKeys: [] },
      );
      const authorization = await authorizationFor(route);
      await check(
        `${route.method.toUpperCase()} ${route.path}`,
        fc.asyncProperty(ids, body, headers, async (pathIds, text, extraHeaders) => {
          const url = route.pathParams.reduce((path, name, i) => path.replace(`:${name}`, pathIds[i]), route.path);
          const res = await request(saeil.url)
            [route.method](url)
            .agent(keepAlive)
            .set({ 'Content-Type': 'application/json', ...extraHeaders, ...authorization })
            .timeout(REQUEST_TIMEOUT_MS)
            .send(text)
            .ok(() => true);
          const where = `${route.method.toUpperCase()} ${url} → ${res.status} ${res.text.slice(0, 500)}`;
          tally(answers, route, `${res.status} ${res.body?.error?.code}`);
          if (res.status < 400 || res.status >= 500) throw new Error(`expected a 4xx: ${where}`);
          if (typeof res.body?.error?.code !== 'string')
            throw new Error(`expected an error body with a code: ${where}`);
          if (LEAK.test(res.text)) throw new Error(`the response leaks internals: ${where}`);
          if (refusedByGuard(res)) throw new Error(`refused by the AuthGuard, never validated: ${where}`);
          const now = await countEvents(saeil);
          if (now !== before) throw new Error(`${now - before} event(s) appended: ${where}`);
        }),
        { numRuns: RUNS_PER_ROUTE, seed },
      ).catch((error: Error) => failures.push(error.message));
    }
    if (process.env.FUZZ_LIST)
      console.log([...answers].map(([r, m]) => `${r}: ${[...m].map(([a, n]) => `${a}×${n}`).join(', ')}`).join('\n'));
    expect(failures).toEqual([]);
    expect(await countEvents(saeil)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await request(saeil.url).get('/health').expect(200);
  }, 300_000);

  it('answers a command on a record that does not exist (documented example body, unknown ids) with a 4xx and appends no event', async () => {
    const before = await countEvents(saeil);
    const failures: string[] = [];
    const answers = new Map<string, Map<string, number>>();
    // Only routes naming a record by an id in the path: a fresh UUID there is a record that does not
    // exist, so even a valid body cannot append. (Path parameters with a documented example, such
    // as a report's level and period, are not ids and get their example.)
    for (const route of routes.filter((r) => r.pathParams.some((name) => !r.pathExamples[name]))) {
      const ids = fc.tuple(
        ...route.pathParams.map((name) =>
          route.pathExamples[name] ? fc.constant(route.pathExamples[name]) : fc.uuid({ version: 4 }),
        ),
      );
      // the example as documented, or with one field replaced by garbage or left out
      const names = route.fields.map((f) => f.name);
      const body =
        names.length === 0
          ? fc.constant(route.example)
          : fc
              .option(fc.tuple(fc.constantFrom(...names), fc.option(nastyValueNestedUpTo(200), { nil: undefined })), {
                nil: undefined,
                freq: 2,
              })
              .map((change) => {
                if (!change) return route.example;
                const [name, value] = change;
                const { [name]: _replaced, ...rest } = route.example;
                return value === undefined ? rest : { ...rest, [name]: value };
              });
      const authorization = await authorizationFor(route);
      await check(
        `${route.method.toUpperCase()} ${route.path}`,
        fc.asyncProperty(ids, body, async (pathIds, payload) => {
          const url = route.pathParams.reduce((path, name, i) => path.replace(`:${name}`, pathIds[i]), route.path);
          const res = await request(saeil.url)
            [route.method](url)
            .agent(keepAlive)
            .set(authorization)
            .timeout(REQUEST_TIMEOUT_MS)
            .send(payload)
            .ok(() => true);
          tally(answers, route, `${res.status} ${res.body?.error?.code}`);
          const where = `${route.method.toUpperCase()} ${url} → ${res.status} ${res.text.slice(0, 500)}`;
          if (res.status < 400 || res.status >= 500) throw new Error(`expected a 4xx: ${where}`);
          if (typeof res.body?.error?.code !== 'string' || LEAK.test(res.text))
            throw new Error(`expected an error body with a code and nothing internal: ${where}`);
          if (refusedByGuard(res)) throw new Error(`refused by the AuthGuard, never looked up: ${where}`);
          const now = await countEvents(saeil);
          if (now !== before) throw new Error(`${now - before} event(s) appended: ${where}`);
        }),
        { numRuns: UNKNOWN_RECORD_RUNS_PER_ROUTE, seed },
      ).catch((error: Error) => failures.push(error.message));
    }
    if (process.env.FUZZ_LIST)
      console.log([...answers].map(([r, m]) => `${r}: ${[...m].map(([a, n]) => `${a}×${n}`).join(', ')}`).join('\n'));
    expect(failures).toEqual([]);
    // the examples do get past validation: the handlers look the record up and answer 404
    const notFound = [...answers]
      .filter(([, counts]) => [...counts.keys()].some((answer) => answer.startsWith('404 NOT_FOUND')))
      .map(([route]) => route);
    expect(notFound).toEqual(
      expect.arrayContaining([
        'POST /clients/:clientId/placements',
        'POST /courses/:courseId/enrollments',
        'POST /agreements/:agreementId/renewal',
      ]),
    );
    expect(notFound.length).toBeGreaterThanOrEqual(answers.size / 2);
    expect(answers.size).toBeGreaterThanOrEqual(definitions.length / 2);
    expect(await countEvents(saeil)).toBe(before);
  }, 300_000);

  describeKafka('on the Kafka command topic', () => {
    let kafka: KafkaObserver;
    let producer: Producer;

    beforeAll(async () => {
      kafka = await observeTopics(saeil, { contexts: [], deadLetters: true, clientId: 'saeil-fuzz' });
      producer = new Kafka({
        clientId: 'saeil-fuzz-producer',
        brokers: kafkaBrokers()!,
        logLevel: logLevel.NOTHING,
      }).producer();
      await producer.connect();
    });

    afterAll(async () => {
      await producer?.disconnect();
      await kafka?.stop();
    });

    /** The token each message's slot asks for: its command's caller (supervisor of center-naju for a type it does not know), or that token tampered with. */
    async function signed(message: CommandTopicMessage): Promise<string> {
      if (!message.token) return message.value;
      const command = message.expect === 'reply' ? commands.find((c) => c.type === message.type) : undefined;
      const token = await tokenFor(saeil.url, command ? commandCallerFor(command) : supervisorOf('center-naju'));
      return withAccessToken(
        message.value,
        message.token.kind === 'caller' ? token : tampered(token, message.token.at),
      );
    }

    it('rejects every broken command on the reply topic (validation, past the token check), every unknown token (401 kind), dead-letters every non-command, and appends no event', async () => {
      const before = await countEvents(saeil);
      const batch = fc
        .tuple(
          fc.tuple(...commands.map((c) => brokenCommand(c.type, c.fields))),
          fc.array(notACommand(commands.map((c) => c.type)), { minLength: 2, maxLength: 8 }),
          // at least one signed with a real token tampered with, in every batch
          tamperedCommand(commands.map((c) => c.type)),
        )
        .map(([broken, garbage, forged]) => [...broken, ...garbage, forged])
        // Kafka's default limit is 1 MB per message
        .filter((messages) => messages.every((m) => Buffer.byteLength(m.value) < 900_000));
      const typesAnswered = new Set<string>();
      const refusals = new Map<string, number>();

      await check(
        'the command topic',
        fc.asyncProperty(batch, async (messages: CommandTopicMessage[]) => {
          const lettersBefore = kafka.deadLetters.length;
          // Tokens are fetched (and renewed as they age) per batch, and put in as the batch is sent.
          const sent = await Promise.all(messages.map(async (m) => ({ ...m, value: await signed(m) })));
          const keyed = sent.map((m, i) => ({
            key: m.expect === 'reply' ? m.commandId : `garbage-${i}`,
            value: m.value,
          }));
          // The broker's limit is per record batch too: send in batches that stay under it.
          for (const part of underBytes(keyed, 900_000))
            await producer.send({ topic: saeil.runtime.topics.commands(), messages: part });

          const wanted = sent.flatMap((m) => (m.expect === 'reply' ? [m] : []));
          const garbage = sent.filter((m) => m.expect === 'dead-letter').map((m) => m.value);
          const replies = await waitFor(
            async () => {
              const found = wanted.map((m) => kafka.replies.find((r) => r.commandId === m.commandId));
              return found.every(Boolean) && kafka.deadLetters.length >= lettersBefore + garbage.length
                ? found
                : undefined;
            },
            {
              timeoutMs: 60_000,
              description: `replies to ${wanted.length} broken or unauthenticated commands and ${garbage.length} dead letters`,
            },
          ).catch((error: Error) => {
            // Say which went unanswered: a message that crashed the consumer is among them.
            const unanswered = wanted
              .filter((m) => !kafka.replies.some((r) => r.commandId === m.commandId))
              .map((m) => `${m.type} (${m.code}): ${m.value.slice(0, 300)}`);
            const letters = kafka.deadLetters.slice(lettersBefore).map((l) => l.value);
            const unlettered = garbage
              .filter((g) => !letters.includes(g))
              .map(
                (g) =>
                  `${g.slice(0, 600)} → answered ${JSON.stringify(kafka.replies.find((r) => g.includes(JSON.stringify(r.commandId))) ?? null).slice(0, 300)}`,
              );
            throw new Error(
              `${error.message}\nno reply to ${unanswered.length}:\n${unanswered.slice(0, 5).join('\n')}\nnot dead-lettered ${unlettered.length}:\n${unlettered.slice(0, 5).join('\n')}`,
            );
          });
          replies.forEach((reply, i) => {
            const message = wanted[i];
            const validated = message.code === 'VALIDATION_FAILED';
            if (
              reply!.status !== 'rejected' ||
              reply!.error?.code !== message.code ||
              (validated && !reply!.error?.fields?.length)
            ) {
              throw new Error(
                `${message.type} answered ${JSON.stringify(reply).slice(0, 500)}, expected a ${message.code} rejection, to ${message.value.slice(0, 500)}`,
              );
            }
            if (validated) typesAnswered.add(message.type);
            refusals.set(message.code, (refusals.get(message.code) ?? 0) + 1);
          });
          const letters = kafka.deadLetters.slice(lettersBefore).map((l) => l.value);
          expect(letters.sort()).toEqual([...garbage].sort());
          const now = await countEvents(saeil);
          if (now !== before) throw new Error(`${now - before} event(s) appended`);
        }),
        // A message that crashes the consumer blocks its partition: shrinking would only wait on it.
        { numRuns: KAFKA_BATCHES, seed, endOnFailure: true },
      );

      expect([...typesAnswered].sort()).toEqual(commands.map((c) => c.type).sort());
      // Tokens no account holds did get sent, and were refused as such.
      expect(refusals.get('INVALID_TOKEN') ?? 0).toBeGreaterThan(0);
      expect(await countEvents(saeil)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 300_000);
  });
});

/** Consecutive groups of messages whose values add up to less than `limit` bytes (a larger message alone). */
function underBytes<M extends { value: string }>(messages: M[], limit: number): M[][] {
  const groups: M[][] = [];
  let size = Infinity;
  for (const message of messages) {
    const bytes = Buffer.byteLength(message.value);
    if (size + bytes >= limit) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(message);
    size += bytes;
  }
  return groups;
}

/** fc.stringify, unless the value is nested too deep for it (the failure, not the printing, must be reported). */
function printable(value: unknown): string {
  try {
    return fc.stringify(value);
  } catch {
    try {
      return JSON.stringify(value);
    } catch {
      return '(nested too deep to print: replay it with the seed)';
    }
  }
}
