import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { keyFilePath, readOrCreateSecretFile } from '@saeil/config';

export const GENERATED_SIGNING_KEY_FILE = 'jwt-signing.key';

/**
 * The HS256 key for access tokens. JWT_SECRET in production, where its absence stops the start.
 * Elsewhere, so that `npm start` works on a fresh machine, a random key is generated once and kept
 * in a file outside the database (`<SAEIL_DATA_DIR>/keys/jwt-signing.key`, owner-only: every api
 * process of the installation shares it, and tokens survive a restart), so a dump of the database
 * cannot forge a token. Installations from before kept it in the database
 * (`identity_generated_secrets`): it is moved to the file when there is none yet (else the file's
 * key wins and open sessions end), and the table is dropped.
 */
export async function resolveSigningSecret(
  configured: string | undefined,
  nodeEnv: string | undefined,
  dataSource: Pick<DataSource, 'query'>,
  logger: Pick<Logger, 'warn'>,
  dataDir = '.data',
): Promise<string> {
  if (configured) return configured;
  if (nodeEnv === 'production')
    throw new Error(
      'JWT_SECRET is not set: it is required in production (the key that signs access tokens, at least 32 characters)',
    );
  const legacy = await readLegacy(dataSource);
  const file = keyFilePath(dataDir, GENERATED_SIGNING_KEY_FILE);
  const { secret } = readOrCreateSecretFile(file, () => legacy || randomBytes(48).toString('base64url'));
  if (legacy !== undefined) await dataSource.query(`DROP TABLE IF EXISTS identity_generated_secrets`);
  logger.warn(
    { file },
    'JWT_SECRET is not set: access tokens are signed with a key generated and kept in this file, outside the database (development only; set JWT_SECRET in production)',
  );
  return secret;
}

async function readLegacy(dataSource: Pick<DataSource, 'query'>): Promise<string | undefined> {
  const [{ present }] = await dataSource.query(
    `SELECT to_regclass('identity_generated_secrets') IS NOT NULL AS present`,
  );
  if (!present) return undefined;
  try {
    const rows: { secret: string }[] = await dataSource.query(
      `SELECT secret FROM identity_generated_secrets WHERE name = 'jwt'`,
    );
    // An empty table (a fresh database: the first migration creates it) is dropped as well.
    return rows[0]?.secret ?? '';
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return undefined;
    throw error;
  }
}
