import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PersonalDataUnreadable } from '../errors';

declare const sealedFields: unique symbol;

/**
 * Personal fields sealed for one client: a compact string that can sit in an event payload,
 * `pd1.<kid>.<iv>.<ciphertext>.<tag>` (base64url parts). The phantom type keeps what it opens to.
 */
export type Sealed<T extends object> = string & { readonly [sealedFields]?: T };

export const ENVELOPE_VERSION = 'pd1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export interface EnvelopeParts {
  /** The data key's id (her key, as issued; a new key would have a new id). */
  kid: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** Is this a sealed value (as opposed to a plaintext field in an event written before sealing)? */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${ENVELOPE_VERSION}.`);
}

/**
 * What the tag authenticates besides the ciphertext: version, client and key id. An envelope copied
 * into another client's event, or re-labelled with another kid, fails the tag check.
 */
function associatedData(clientId: string, kid: string): Buffer {
  return Buffer.from(`${ENVELOPE_VERSION}|${clientId}|${kid}`, 'utf8');
}

export function formatEnvelope(parts: EnvelopeParts): string {
  return [
    ENVELOPE_VERSION,
    parts.kid,
    parts.iv.toString('base64url'),
    parts.ciphertext.toString('base64url'),
    parts.tag.toString('base64url'),
  ].join('.');
}

export function parseEnvelope(envelope: string): EnvelopeParts {
  const malformed = (why: string) =>
    new PersonalDataUnreadable('ENVELOPE_MALFORMED', `not a sealed personal-data value (${why})`);
  if (typeof envelope !== 'string') throw malformed('not a string');
  const parts = envelope.split('.');
  if (parts.length !== 5) throw malformed(`${parts.length} parts instead of 5`);
  const [version, kid, iv, ciphertext, tag] = parts;
  if (version !== ENVELOPE_VERSION) throw malformed(`version ${JSON.stringify(version.slice(0, 8))}`);
  if (!UUID.test(kid)) throw malformed('key id is not a uuid');
  if (![iv, ciphertext, tag].every((p) => BASE64URL.test(p))) throw malformed('a part is not base64url');
  const parsed = {
    kid,
    iv: Buffer.from(iv, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
  if (parsed.iv.length !== IV_BYTES) throw malformed(`iv of ${parsed.iv.length} bytes`);
  if (parsed.tag.length !== TAG_BYTES) throw malformed(`tag of ${parsed.tag.length} bytes`);
  return parsed;
}

/** AES-256-GCM with a fresh random 96-bit iv per value (a data key seals far fewer than 2^32 values). */
export function sealWithKey<T extends object>(dataKey: Buffer, kid: string, clientId: string, fields: T): Sealed<T> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(clientId, kid));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(fields), 'utf8'), cipher.final()]);
  return formatEnvelope({ kid, iv, ciphertext, tag: cipher.getAuthTag() }) as Sealed<T>;
}

/** Opens parsed parts with her data key; a failed tag is ENVELOPE_TAMPERED, never garbage. */
export function openWithKey<T extends object>(dataKey: Buffer, clientId: string, parts: EnvelopeParts): T {
  const decipher = createDecipheriv('aes-256-gcm', dataKey, parts.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(clientId, parts.kid));
  decipher.setAuthTag(parts.tag);
  let plaintext: string;
  try {
    plaintext = Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new PersonalDataUnreadable(
      'ENVELOPE_TAMPERED',
      `sealed personal data of client ${clientId} failed its integrity check (changed, or sealed for another client)`,
    );
  }
  return JSON.parse(plaintext) as T;
}
