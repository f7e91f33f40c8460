import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';

/**
 * The HS256 key for access tokens. JWT_SECRET in production, where its absence stops the start.
 * Elsewhere, so that `npm start` works on a fresh machine, a random key is generated once and
 * kept in the database (every api process of the installation then shares it, and tokens survive
 * a restart); this is logged, as it means a database dump can forge tokens.
 */
export async function resolveSigningSecret(configured: string | undefined, nodeEnv: string | undefined, dataSource: DataSource, logger: Pick<Logger, 'warn'>): Promise<string> {
  if (configured) return configured;
  if (nodeEnv === 'production') throw new Error('JWT_SECRET is not set: it is required in production (the key that signs access tokens, at least 32 characters)');
  await dataSource.query(`INSERT INTO identity_generated_secrets (name, secret) VALUES ('jwt', $1) ON CONFLICT (name) DO NOTHING`, [randomBytes(48).toString('base64url')]);
  const [{ secret }] = await dataSource.query(`SELECT secret FROM identity_generated_secrets WHERE name = 'jwt'`);
  logger.warn('JWT_SECRET is not set: access tokens are signed with a key generated and kept in the database (development only; set JWT_SECRET in production)');
  return secret;
}
