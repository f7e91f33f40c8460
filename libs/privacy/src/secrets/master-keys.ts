import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { keyFilePath, readOrCreateSecretFile } from '@saeil/config';
import { decodeMasterKey, MASTER_KEY_BYTES, MasterKey, MasterKeyring } from '../crypto/master-keyring';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface MasterKeySettings {
  PRIVACY_MASTER_KEY?: string;
  PRIVACY_RETIRED_MASTER_KEYS?: string;
  /** Where a generated master key is kept (`<dir>/keys/privacy-master.key`); `.data` when unset. */
  SAEIL_DATA_DIR?: string;
}

export const GENERATED_MASTER_KEY_FILE = 'privacy-master.key';

/**
 * The master keyring from configuration. PRIVACY_MASTER_KEY is required in production, where its
 * absence stops the start. Elsewhere, so that `npm start` works on a fresh machine, a random key is
 * generated once and kept in a file outside the database (`<SAEIL_DATA_DIR>/keys/privacy-master.key`,
 * owner-only), with a warning: a dump of the database alone then opens nothing. Once a key is
 * configured there, the generated one stays readable as a retired key until `privacy:rewrap` has
 * moved every data key off it.
 *
 * Installations from before kept the generated key in the database (`privacy_generated_master_key`):
 * it is moved to the file (or found equal to it) and then deleted from the database. A file holding
 * another key than the database's means the data directory belongs to another installation: the
 * start stops rather than lose either key.
 */
export async function resolveMasterKeyring(
  settings: MasterKeySettings,
  nodeEnv: string | undefined,
  db: SqlRunner,
  logger: Pick<Logger, 'warn'>,
): Promise<MasterKeyring> {
  const retired = (settings.PRIVACY_RETIRED_MASTER_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k, i) => decodeMasterKey(k, `PRIVACY_RETIRED_MASTER_KEYS (entry ${i + 1})`));
  const configured = settings.PRIVACY_MASTER_KEY
    ? decodeMasterKey(settings.PRIVACY_MASTER_KEY, 'PRIVACY_MASTER_KEY')
    : undefined;
  if (nodeEnv === 'production') {
    if (!configured)
      throw new Error(
        'PRIVACY_MASTER_KEY is not set: it is required in production (the master key that wraps every client data key, 32 bytes in base64)',
      );
    return new MasterKeyring(configured, retired);
  }
  const file = keyFilePath(settings.SAEIL_DATA_DIR ?? '.data', GENERATED_MASTER_KEY_FILE);
  const legacy = await readLegacy(db);
  if (legacy) {
    const generated = await moveLegacyToFile(settings, db, legacy);
    return configured ? new MasterKeyring(configured, [...retired, generated]) : new MasterKeyring(generated, retired);
  }
  if (configured) {
    const existing = readExistingFile(file);
    return new MasterKeyring(configured, existing ? [...retired, existing] : retired);
  }
  const { secret } = readOrCreateSecretFile(file, () => randomBytes(MASTER_KEY_BYTES).toString('base64'));
  logger.warn(
    { file },
    'PRIVACY_MASTER_KEY is not set: client data keys are wrapped by a master key generated and kept in this file, outside the database (development only; set PRIVACY_MASTER_KEY in production)',
  );
  return new MasterKeyring(decodeMasterKey(secret, file), retired);
}

/** The key a former start generated and kept in the database, if the table (and a row) is still there. */
async function readLegacy(db: SqlRunner): Promise<string | undefined> {
  const [{ present }] = await db.query(`SELECT to_regclass('privacy_generated_master_key') IS NOT NULL AS present`);
  if (!present) return undefined;
  try {
    const rows: { secret: string }[] = await db.query(
      `SELECT secret FROM privacy_generated_master_key WHERE name = 'master'`,
    );
    return rows[0]?.secret;
  } catch (error) {
    // Another process moved it and dropped the table meanwhile: the file has it.
    if ((error as { code?: string }).code === '42P01') return undefined;
    throw error;
  }
}

async function moveLegacyToFile(settings: MasterKeySettings, db: SqlRunner, legacy: string): Promise<MasterKey> {
  const file = keyFilePath(settings.SAEIL_DATA_DIR ?? '.data', GENERATED_MASTER_KEY_FILE);
  const { secret } = readOrCreateSecretFile(file, () => legacy);
  if (secret !== legacy) {
    throw new Error(
      `${file} holds another master key than the one this database kept (privacy_generated_master_key): the data directory belongs to another installation. Point SAEIL_DATA_DIR at this installation's, or move that file away; nothing was changed`,
    );
  }
  // Dropped, not deleted from: its data file goes with it (a deleted row would wait for a vacuum).
  await db.query(`DROP TABLE IF EXISTS privacy_generated_master_key`);
  return decodeMasterKey(secret, file);
}

function readExistingFile(file: string): MasterKey | undefined {
  try {
    return decodeMasterKey(readOrCreateSecretFileIfPresent(file), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Reads an existing key file (owner-only checked) without creating one. */
function readOrCreateSecretFileIfPresent(file: string): string {
  return readOrCreateSecretFile(file, () => {
    throw Object.assign(new Error(`${file} does not exist`), { code: 'ENOENT' });
  }).secret;
}
