import { createHmac } from 'node:crypto';

/** A master key and its id. The id is a fingerprint of the key, so it can never name the wrong key. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

export const MASTER_KEY_BYTES = 32;

/**
 * The master key's id: 16 hex digits of HMAC-SHA256(key, label). Stored beside every wrapped data
 * key so a rotation knows which rows are still under an old master key; reveals nothing of it.
 */
export function masterKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('saeil-privacy-master-key-id', 'utf8').digest('hex').slice(0, 16);
}

/** Decodes a base64 master key; `name` is the setting it came from, for the error message. */
export function decodeMasterKey(encoded: string, name: string): MasterKey {
  const trimmed = encoded.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || key.length !== MASTER_KEY_BYTES) {
    throw new Error(`${name} must be ${MASTER_KEY_BYTES} random bytes in base64 (e.g. \`openssl rand -base64 32\`)`);
  }
  return { id: masterKeyId(key), key };
}

/**
 * The current master key (wraps every new data key and every re-wrap) and the retired ones (only
 * unwrap data keys not yet re-wrapped during a rotation).
 */
export class MasterKeyring {
  private readonly byId = new Map<string, MasterKey>();

  constructor(
    readonly current: MasterKey,
    retired: MasterKey[] = [],
  ) {
    for (const key of [current, ...retired]) if (!this.byId.has(key.id)) this.byId.set(key.id, key);
  }

  /** The master key with this id, or undefined when it is not configured (any more). */
  find(id: string): MasterKey | undefined {
    return this.byId.get(id);
  }

  get retiredIds(): string[] {
    return [...this.byId.keys()].filter((id) => id !== this.current.id);
  }
}
