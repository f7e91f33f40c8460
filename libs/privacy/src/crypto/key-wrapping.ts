import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PersonalDataUnreadable } from '../errors';
import { MasterKeyring } from './master-keyring';

export const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A data key as stored: encrypted under a master key, never in clear. */
export interface WrappedDataKey {
  clientId: string;
  kid: string;
  masterKeyId: string;
  /** iv (12) ‖ ciphertext (32) ‖ tag (16). */
  wrapped: Buffer;
}

/** Binds the wrapped key to its client and kid: a wrapped key moved to another row does not unwrap. */
function associatedData(clientId: string, kid: string): Buffer {
  return Buffer.from(`saeil-data-key-v1|${clientId}|${kid}`, 'utf8');
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/** Wraps a data key with the keyring's current master key (AES-256-GCM). */
export function wrapDataKey(keyring: MasterKeyring, clientId: string, kid: string, dataKey: Buffer): WrappedDataKey {
  const master = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', master.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(clientId, kid));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { clientId, kid, masterKeyId: master.id, wrapped: Buffer.concat([iv, ciphertext, cipher.getAuthTag()]) };
}

/** Unwraps with whichever configured master key the row names (current or retired). */
export function unwrapDataKey(keyring: MasterKeyring, row: WrappedDataKey): Buffer {
  const master = keyring.find(row.masterKeyId);
  if (!master) {
    throw new PersonalDataUnreadable(
      'MASTER_KEY_UNKNOWN',
      `the data key of client ${row.clientId} is wrapped by master key ${row.masterKeyId}, which is not configured: add it to PRIVACY_RETIRED_MASTER_KEYS until the re-wrap has finished`,
    );
  }
  const iv = row.wrapped.subarray(0, IV_BYTES);
  const tag = row.wrapped.subarray(row.wrapped.length - TAG_BYTES);
  const ciphertext = row.wrapped.subarray(IV_BYTES, row.wrapped.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', master.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(row.clientId, row.kid));
    decipher.setAuthTag(tag);
    const dataKey = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    if (dataKey.length !== DATA_KEY_BYTES) throw new Error('wrong length');
    return dataKey;
  } catch {
    throw new PersonalDataUnreadable(
      'WRAPPED_KEY_TAMPERED',
      `the wrapped data key of client ${row.clientId} did not verify under master key ${row.masterKeyId}`,
    );
  }
}

/**
 * Master-key rotation for one row: the same data key, wrapped by the current master key. The kid
 * does not change, so every envelope already in events and on Kafka stays readable untouched.
 */
export function rewrapDataKey(keyring: MasterKeyring, row: WrappedDataKey): WrappedDataKey {
  if (row.masterKeyId === keyring.current.id) return row;
  const dataKey = unwrapDataKey(keyring, row);
  try {
    return wrapDataKey(keyring, row.clientId, row.kid, dataKey);
  } finally {
    dataKey.fill(0);
  }
}
