import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { weakSecretProblems } from './secret-strength';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 'true' || value === '1';
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting the processes read, validated once at start. Names are the environment
 * variables (see docs/CONFIGURATION.md); a bad value stops the process with a message naming
 * the variable, instead of failing later in some corner.
 */
export class SaeilConfig {
  /** PostgreSQL connection. Unset: an embedded PostgreSQL is started with data under SAEIL_DATA_DIR. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** Where the embedded PostgreSQL keeps its data (only used without DATABASE_URL). */
  @IsString()
  SAEIL_DATA_DIR = '.data';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Comma-separated host:port list. Unset: embedded mode, projections read the event store directly. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port…]' })
  KAFKA_BROKERS?: string;

  @IsString()
  KAFKA_CLIENT_ID = 'saeil';

  /** Prepended to every topic and consumer group, so that several installations (or test runs) can share a cluster. */
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may contain only letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX = '';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  KAFKA_TOPIC_PARTITIONS = 6;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(7)
  KAFKA_REPLICATION_FACTOR = 1;

  /** How long the broker waits for a silent consumer before handing its partitions to another (a crashed worker). */
  @Transform(toInt)
  @IsInt()
  @Min(6000)
  @Max(300000)
  KAFKA_SESSION_TIMEOUT_MS = 30000;

  /** How many times a projection retries an event before sending it to the dead-letter topic. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  PROJECTION_MAX_ATTEMPTS = 3;

  /** Fallback polling interval of event-store followers; LISTEN/NOTIFY wakes them sooner. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60000)
  POLL_INTERVAL_MS = 500;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  RELAY_BATCH_SIZE = 500;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  PROJECTION_BATCH_SIZE = 500;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** Browser origins allowed to call the API cross-origin (comma-separated). Empty: none, the API is same-origin only. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^\s*https?:\/\/[^\s/,]+\s*(,\s*https?:\/\/[^\s/,]+\s*)*$/i, {
    message:
      'CORS_ORIGINS must be comma-separated origins like https://saeil.example.kr (scheme://host[:port], no path)',
  })
  CORS_ORIGINS?: string = undefined;

  /**
   * The reverse proxies in front of the api whose X-Forwarded-For is believed (Express's `trust
   * proxy`): a hop count (`1`), or comma-separated addresses, subnets or the names `loopback`,
   * `linklocal`, `uniquelocal`. Empty: none, the socket's address is the caller's. Login limits,
   * the expensive-read limits and the access log's source address all read the caller's address.
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(
    /^(\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?))*)$/,
    {
      message:
        'TRUST_PROXY must be a hop count such as 1, or comma-separated addresses, subnets, loopback, linklocal or uniquelocal',
    },
  )
  TRUST_PROXY?: string = undefined;

  /** Largest accepted JSON request body (bytes, or with kb/mb); larger is 413 before it is parsed. */
  @Matches(/^\d+(b|kb|mb)?$/i, { message: 'HTTP_BODY_LIMIT must be a size like 256kb or 1mb' })
  HTTP_BODY_LIMIT = '256kb';

  /** Requests per minute one client address may make to each expensive read (statistics, Ministry reports, caseload, KPI achievement, follow-up queues); more is 429. 0: no limit. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000000)
  RATE_LIMIT_EXPENSIVE_PER_MINUTE = 60;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * HMAC key for client identity keys (duplicate detection without plaintext). Required when
   * NODE_ENV=production; elsewhere a fixed development key is used, with a warning.
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(32, { message: 'IDENTITY_HASH_KEY must be at least 32 characters long' })
  IDENTITY_HASH_KEY?: string = undefined;

  /**
   * HMAC key (HS256) signing access tokens. Required when NODE_ENV=production; elsewhere one is
   * generated once, kept in the database (identity_generated_secrets) and logged as such.
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string = undefined;

  /**
   * Master key (32 bytes, base64) wrapping every client's data key (docs/PRIVACY.md). Required
   * when NODE_ENV=production; elsewhere one is generated once and kept in the database, with a warning.
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'PRIVACY_MASTER_KEY must be 32 bytes in base64 (openssl rand -base64 32)',
  })
  PRIVACY_MASTER_KEY?: string = undefined;

  /** During a master-key rotation only: the previous master key(s), comma-separated, to unwrap data keys not yet re-wrapped. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^[A-Za-z0-9+/]{43}=(,[A-Za-z0-9+/]{43}=)*$/, {
    message: 'PRIVACY_RETIRED_MASTER_KEYS must be comma-separated 32-byte base64 keys',
  })
  PRIVACY_RETIRED_MASTER_KEYS?: string = undefined;

  /**
   * Bearer token a Prometheus scraper sends for /metrics (`Authorization: Bearer …`). Unset:
   * /metrics answers 401 to everyone (the figures say how busy each center's work is).
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters long' })
  METRICS_TOKEN?: string = undefined;

  /** Lifetime of an access token (seconds): a disabled account is refused at once anyway. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Lifetime of a refresh token (seconds); each use rotates it. */
  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(2592000)
  REFRESH_TOKEN_TTL_SECONDS = 1209600;

  /**
   * Failed logins for one user name from one source address (the pair) before she must wait: that
   * failure starts a delay of LOGIN_BACKOFF_BASE_SECONDS, each further one doubles it, up to
   * LOGIN_MAX_DELAY_SECONDS. Another address's failures never delay her (issue 13).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  /** Failed logins from one address, over user names not known there, before its delays start (doubling every 10 more). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 100;

  /** Failed logins for one user name, from addresses she has not logged in from, before its delays start (doubling every 10 more). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_FAILURES_PER_USERNAME = 50;

  /** The first delay (seconds) once a limit is reached. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_BACKOFF_BASE_SECONDS = 30;

  /** The longest delay (seconds). Failures are forgotten a day after the last one. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_MAX_DELAY_SECONDS = 900;

  /** 접속기록 retention in days: at least two years (730), by law; the worker purges older rows daily. */
  @Transform(toInt)
  @IsInt()
  @Min(730, { message: 'ACCESS_LOG_RETENTION_DAYS must be at least 730 (two years)' })
  @Max(36500)
  ACCESS_LOG_RETENTION_DAYS = 730;

  /**
   * HMAC-SHA256 key authenticating the 접속기록's head checkpoints (anchors), kept outside the
   * database so that its owner cannot forge an anchor for a rewritten chain. Required when
   * NODE_ENV=production; elsewhere one is generated once into SAEIL_DATA_DIR/keys/access-log-mac.key
   * (owner-only), with a warning.
   */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(32, { message: 'ACCESS_LOG_MAC_KEY must be at least 32 characters long' })
  ACCESS_LOG_MAC_KEY?: string = undefined;

  /** How often the worker publishes the 접속기록's head checkpoint (ms), when rows were added since the last one; the api also publishes one when it stops. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86400000)
  ACCESS_LOG_ANCHOR_INTERVAL_MS = 60000;

  /**
   * Personal data of a client whose case has been closed longer than this many days is erased by
   * the worker (reason retention_period_ended; docs/PRIVACY.md). Default three years.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(36500)
  PERSONAL_DATA_RETENTION_DAYS = 1095;

  /** User name of the first administrator, created by a start on an empty account table. */
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'SAEIL_ADMIN_USERNAME must be 3-64 lower-case letters, digits, ".", "_" or "-"',
  })
  SAEIL_ADMIN_USERNAME = 'admin';

  /** Password of the first administrator (the password policy applies). Unset: generated and printed once. */
  @IsOptional()
  @Transform(blankToUndefined)
  @IsString()
  @MinLength(12, { message: 'SAEIL_ADMIN_PASSWORD must be at least 12 characters long' })
  SAEIL_ADMIN_PASSWORD?: string = undefined;

  /** 새일여성인턴 subsidy schedules per program year and region (JSON, validated at start). */
  @IsString()
  SAEIL_INTERNSHIP_SUBSIDIES_FILE = 'config/internship-subsidies.json';

  /** Startup marketing-grant cap per team and teams per year (JSON, validated at start). */
  @IsString()
  SAEIL_STARTUP_SUPPORT_FILE = 'config/startup-support.json';

  /** Centers (id, name, level, 시·도): the directory statistics roll up by (JSON, validated at start). */
  @IsString()
  SAEIL_CENTERS_FILE = 'config/centers.json';

  /** Training employment rate: a completer counts as employed when a placement starts within this many months of completion. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24)
  TRAINING_EMPLOYMENT_WITHIN_MONTHS = 3;

  /** Retention follow-ups: days before a milestone date from which the contact is due (사후관리 연락 기간). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(31)
  FOLLOW_UP_WINDOW_DAYS_BEFORE = 7;

  /** Retention follow-ups: days after a milestone date after which an unrecorded contact is overdue. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(31)
  FOLLOW_UP_WINDOW_DAYS_AFTER = 14;

  /** How often the worker sweeps follow-ups for due/overdue (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(86400000)
  FOLLOW_UP_SWEEP_INTERVAL_MS = 60000;

  /** For tests and drills only: pins "today" (Korean calendar, YYYY-MM-DD) for the follow-up sweep and follow-up records. */
  @IsOptional()
  @Transform(blankToUndefined)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'SAEIL_CLOCK_TODAY must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'SAEIL_CLOCK_TODAY must be a day that exists' })
  SAEIL_CLOCK_TODAY?: string = undefined;

  /** Ministry report: person counts below this are suppressed (small-cell suppression). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  SUPPRESSION_THRESHOLD = 5;

  /** Longest a query may wait for its read model to reach a position (read-your-writes). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  MAX_CONSISTENCY_WAIT_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  /** Run the worker (relay, projections, scheduled jobs) in this process. */
  @Transform(toBool)
  @IsBoolean()
  RUN_WORKER = true;

  /** Serve HTTP in this process. */
  @Transform(toBool)
  @IsBoolean()
  RUN_API = true;

  get kafkaEnabled(): boolean {
    return !!this.KAFKA_BROKERS;
  }

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS ? this.KAFKA_BROKERS.split(',') : [];
  }

  /** Express's `trust proxy` value: false when unset, a hop count, or the list of trusted proxies. */
  get trustProxy(): false | number | string[] {
    if (!this.TRUST_PROXY) return false;
    return /^\d+$/.test(this.TRUST_PROXY) ? Number(this.TRUST_PROXY) : this.TRUST_PROXY.split(',').map((p) => p.trim());
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS ? this.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : [];
  }
}

export class ConfigurationError extends Error {}

/**
 * Reads and validates configuration; throws a ConfigurationError naming every bad setting. With
 * NODE_ENV=production (read from `source`, like the settings) a secret that is a published
 * placeholder or too weak to be random is a bad setting too (secret-strength.ts).
 */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  overrides: Partial<Record<keyof SaeilConfig, unknown>> = {},
): SaeilConfig {
  const known = Object.keys(new SaeilConfig());
  const picked: Record<string, unknown> = {};
  for (const key of [...known, 'DATABASE_URL', 'KAFKA_BROKERS']) {
    if (source[key] !== undefined) picked[key] = source[key];
  }
  const config = plainToInstance(SaeilConfig, { ...picked, ...overrides });
  const errors = validateSync(config, { whitelist: false });
  const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (source.NODE_ENV === 'production') lines.push(...weakSecretProblems(config).map((problem) => `  ${problem}`));
  if (lines.length > 0) {
    throw new ConfigurationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (source.NODE_ENV === 'production' && !config.ACCESS_LOG_MAC_KEY) {
    throw new ConfigurationError(
      "Invalid configuration:\n  ACCESS_LOG_MAC_KEY: required when NODE_ENV=production (the key that authenticates the access log's anchors, at least 32 characters; openssl rand -base64 32)",
    );
  }
  return config;
}
