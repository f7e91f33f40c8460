import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { ConfigurationError, type SaeilConfig } from '@saeil/config';

export const MAC_KEY_FILE = 'access-log-mac.key';

/**
 * The key authenticating the access log's anchors: ACCESS_LOG_MAC_KEY, required in production.
 * Elsewhere, so that `npm start` works on a fresh machine, a random key generated once into the
 * data directory (owner-only), never into the database whose rows it vouches for.
 */
export function accessLogMacKey(config: Pick<SaeilConfig, 'ACCESS_LOG_MAC_KEY' | 'SAEIL_DATA_DIR'>, nodeEnv: string | undefined, logger: Pick<Logger, 'warn'>): Buffer {
  if (config.ACCESS_LOG_MAC_KEY) return Buffer.from(config.ACCESS_LOG_MAC_KEY, 'utf8');
  if (nodeEnv === 'production') throw new ConfigurationError('ACCESS_LOG_MAC_KEY is not set: it is required in production (the key that authenticates the access log\'s anchors, at least 32 characters)');
  const path = join(config.SAEIL_DATA_DIR, MAC_KEY_FILE);
  const { key, created } = readOrCreateKeyFile(path);
  if (created) logger.warn({ path }, 'ACCESS_LOG_MAC_KEY is not set: the access log\'s anchors are authenticated with a key generated into the data directory (development only; set ACCESS_LOG_MAC_KEY in production)');
  return key;
}

/**
 * Reads a base64 key from `path`, or creates it (32 random bytes, mode 0600, directory 0700).
 * Creation is all-or-nothing: the key is written and synced to a temporary file, then linked into
 * place, which fails if another process got there first — that one's key is then read. A key file
 * that others may read is refused.
 */
export function readOrCreateKeyFile(path: string, bytes = 32): { key: Buffer; created: boolean } {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    return { key: readKeyFile(path), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(bytes);
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
    return { key, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: readKeyFile(path), created: false };
  } finally {
    unlinkSync(temporary);
  }
}

function readKeyFile(path: string): Buffer {
  if ((statSync(path).mode & 0o077) !== 0) throw new ConfigurationError(`${path} may be read by other users: make it owner-only (chmod 600)`);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length < 32) throw new ConfigurationError(`${path} does not hold a key of at least 32 bytes (base64)`);
  return key;
}
