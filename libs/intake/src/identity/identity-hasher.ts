import { Logger, Provider } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { keyFilePath, readOrCreateSecretFile, SaeilConfig } from '@saeil/config';
import { ClientIdentity, IdentityKey, identityKeysOf, searchKeysForQuery, searchKeysOf } from './identity-keys';

export const GENERATED_IDENTITY_HASH_KEY_FILE = 'identity-hash.key';
const MIN_KEY_LENGTH = 32;
const warnedFor = new Set<string>();

/**
 * The HMAC key for identity and search keys, from IDENTITY_HASH_KEY (validated with the rest of
 * the configuration). Missing in production is a start-up failure, never a silent fallback.
 * Elsewhere a random key is generated per installation and kept outside the database
 * (`<SAEIL_DATA_DIR>/keys/identity-hash.key`, owner-only): with a key written in the source, as
 * before, anyone could recompute a phone number's hash offline and find her in a dump.
 */
export function identityHashSecret(
  env: NodeJS.ProcessEnv = process.env,
  logger: Pick<Logger, 'warn'> = new Logger('IdentityHasher'),
): string {
  const configured = env.IDENTITY_HASH_KEY;
  if (configured !== undefined && configured !== '') {
    if (configured.length < MIN_KEY_LENGTH)
      throw new Error(`IDENTITY_HASH_KEY must be at least ${MIN_KEY_LENGTH} characters long`);
    return configured;
  }
  if (env.NODE_ENV === 'production') {
    throw new Error(
      'IDENTITY_HASH_KEY is not set: it is required in production (the HMAC key for client duplicate detection)',
    );
  }
  const file = keyFilePath(env.SAEIL_DATA_DIR || '.data', GENERATED_IDENTITY_HASH_KEY_FILE);
  const { secret } = readOrCreateSecretFile(file, () => randomBytes(48).toString('base64url'));
  if (!warnedFor.has(file)) {
    warnedFor.add(file);
    logger.warn(
      `IDENTITY_HASH_KEY is not set: client identity and search keys are made with a key generated for this installation and kept in ${file} (development only; set IDENTITY_HASH_KEY in production)`,
    );
  }
  return secret;
}

/** Computes a client's identity keys with the configured secret. */
export class IdentityHasher {
  constructor(private readonly secret: string) {}

  keysOf(identity: ClientIdentity): IdentityKey[] {
    return identityKeysOf(this.secret, identity);
  }

  /** Her search keys (name alone, phone digits alone), carried by the events for the read models. */
  searchKeysOf(identity: Pick<ClientIdentity, 'name' | 'phone'>): string[] {
    return searchKeysOf(this.secret, identity);
  }

  /** What a search text is looked up by: the keys it would have as a name, and as a phone number. */
  searchKeysForQuery(text: string): string[] {
    return searchKeysForQuery(this.secret, text);
  }
}

/** Built when the module starts, so a missing production key stops the start. */
export const identityHasherProvider: Provider = {
  provide: IdentityHasher,
  inject: [SaeilConfig],
  useFactory: (config: SaeilConfig) =>
    new IdentityHasher(
      identityHashSecret({
        IDENTITY_HASH_KEY: config.IDENTITY_HASH_KEY,
        NODE_ENV: process.env.NODE_ENV,
        SAEIL_DATA_DIR: config.SAEIL_DATA_DIR,
      }),
    ),
};
