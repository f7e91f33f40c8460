import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { ConfigurationError, keyFilePath, readOrCreateSecretFile, type SaeilConfig } from '@saeil/config';

export const MAC_KEY_FILE = 'access-log-mac.key';

/**
 * The key authenticating the access log's anchors: ACCESS_LOG_MAC_KEY, required in production.
 * Elsewhere, so that `npm start` works on a fresh machine, a random key generated once into the
 * data directory's keys/ folder (owner-only, beside the other generated keys), never into the
 * database whose rows it vouches for.
 */
export function accessLogMacKey(
  config: Pick<SaeilConfig, 'ACCESS_LOG_MAC_KEY' | 'SAEIL_DATA_DIR'>,
  nodeEnv: string | undefined,
  logger: Pick<Logger, 'warn'>,
): Buffer {
  if (config.ACCESS_LOG_MAC_KEY) return Buffer.from(config.ACCESS_LOG_MAC_KEY, 'utf8');
  if (nodeEnv === 'production')
    throw new ConfigurationError(
      "ACCESS_LOG_MAC_KEY is not set: it is required in production (the key that authenticates the access log's anchors, at least 32 characters)",
    );
  const path = keyFilePath(config.SAEIL_DATA_DIR, MAC_KEY_FILE);
  const { secret, created } = readOrCreateSecretFile(path, () => randomBytes(32).toString('base64'));
  const key = Buffer.from(secret, 'base64');
  if (key.length < 32) throw new ConfigurationError(`${path} does not hold a key of at least 32 bytes (base64)`);
  if (created)
    logger.warn(
      { path },
      "ACCESS_LOG_MAC_KEY is not set: the access log's anchors are authenticated with a key generated into the data directory (development only; set ACCESS_LOG_MAC_KEY in production)",
    );
  return key;
}
