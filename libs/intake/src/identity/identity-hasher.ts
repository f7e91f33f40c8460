import { Logger, Provider } from '@nestjs/common';
import { SaeilConfig } from '@saeil/config';
import { ClientIdentity, IdentityKey, identityKeysOf, searchKeysForQuery, searchKeysOf } from './identity-keys';

/** Used only outside production when IDENTITY_HASH_KEY is unset: hashes made with it are not secret. */
const DEVELOPMENT_KEY = 'saeil-development-identity-hash-key-not-for-production';
const MIN_KEY_LENGTH = 32;
let warnedAboutDevelopmentKey = false;

/**
 * The HMAC key for identity keys, from IDENTITY_HASH_KEY (validated with the rest of the
 * configuration; a later issue moves keys to a key manager). Missing in production is a
 * start-up failure, never a silent fallback.
 */
export function identityHashSecret(env: NodeJS.ProcessEnv = process.env, logger: Pick<Logger, 'warn'> = new Logger('IdentityHasher')): string {
  const configured = env.IDENTITY_HASH_KEY;
  if (configured !== undefined && configured !== '') {
    if (configured.length < MIN_KEY_LENGTH) throw new Error(`IDENTITY_HASH_KEY must be at least ${MIN_KEY_LENGTH} characters long`);
    return configured;
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('IDENTITY_HASH_KEY is not set: it is required in production (the HMAC key for client duplicate detection)');
  }
  if (!warnedAboutDevelopmentKey) {
    warnedAboutDevelopmentKey = true;
    logger.warn('IDENTITY_HASH_KEY is not set: using a fixed development key for client identity keys (never do this in production)');
  }
  return DEVELOPMENT_KEY;
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
  useFactory: (config: SaeilConfig) => new IdentityHasher(identityHashSecret({ IDENTITY_HASH_KEY: config.IDENTITY_HASH_KEY, NODE_ENV: process.env.NODE_ENV })),
};
