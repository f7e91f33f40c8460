import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { decodeMasterKey, MASTER_KEY_BYTES, MasterKey, MasterKeyring } from '../crypto/master-keyring';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface MasterKeySettings {
  PRIVACY_MASTER_KEY?: string;
  PRIVACY_RETIRED_MASTER_KEYS?: string;
}

/**
 * The master keyring from configuration. PRIVACY_MASTER_KEY is required in production, where its
 * absence stops the start. Elsewhere, so that `npm start` works on a fresh machine, a random key is
 * generated once and kept in the database (`privacy_generated_master_key`, like identity's JWT
 * secret), with a warning: a dump of such a database can open every data key it holds. Once a key
 * is configured there, the generated one stays readable as a retired key until `privacy:rewrap`
 * has moved every data key off it.
 */
export async function resolveMasterKeyring(settings: MasterKeySettings, nodeEnv: string | undefined, db: SqlRunner, logger: Pick<Logger, 'warn'>): Promise<MasterKeyring> {
  const retired = (settings.PRIVACY_RETIRED_MASTER_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k, i) => decodeMasterKey(k, `PRIVACY_RETIRED_MASTER_KEYS (entry ${i + 1})`));
  const configured = settings.PRIVACY_MASTER_KEY ? decodeMasterKey(settings.PRIVACY_MASTER_KEY, 'PRIVACY_MASTER_KEY') : undefined;
  if (nodeEnv === 'production') {
    if (!configured) throw new Error('PRIVACY_MASTER_KEY is not set: it is required in production (the master key that wraps every client data key, 32 bytes in base64)');
    return new MasterKeyring(configured, retired);
  }
  if (configured) {
    const generated = await readGenerated(db);
    return new MasterKeyring(configured, generated ? [...retired, generated] : retired);
  }
  await db.query(`INSERT INTO privacy_generated_master_key (name, secret) VALUES ('master', $1) ON CONFLICT (name) DO NOTHING`, [randomBytes(MASTER_KEY_BYTES).toString('base64')]);
  logger.warn('PRIVACY_MASTER_KEY is not set: client data keys are wrapped by a master key generated and kept in the database (development only; set PRIVACY_MASTER_KEY in production)');
  return new MasterKeyring((await readGenerated(db))!, retired);
}

async function readGenerated(db: SqlRunner): Promise<MasterKey | undefined> {
  const rows: { secret: string }[] = await db.query(`SELECT secret FROM privacy_generated_master_key WHERE name = 'master'`);
  return rows[0] ? decodeMasterKey(rows[0].secret, 'privacy_generated_master_key') : undefined;
}
