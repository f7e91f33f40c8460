import { createHmac } from 'node:crypto';
import { nameKeyForm } from '../domain/person-name';

/** What a duplicate was recognised by (reported in DUPLICATE_CLIENT's details). */
export type IdentityMatch = 'birthDate+phone' | 'name+birthDate+center';

export interface ClientIdentity {
  name: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  phone: string;
  /** The center she was registered at: "the same person at the same center". */
  centerId: string;
}

export interface IdentityKey {
  key: string;
  matchedOn: IdentityMatch;
}

export const phoneDigits = (phone: string): string => phone.replace(/\D/g, '');

/**
 * Keyed hashes (HMAC-SHA256, hex) of the combinations that identify a person, so duplicates can
 * be found without keeping an index of plaintext personal data. Always in this order: the
 * write-side index inserts them in it, which keeps concurrent registrations from deadlocking.
 */
export function identityKeysOf(secret: string, identity: ClientIdentity): IdentityKey[] {
  const hmac = (value: string) => createHmac('sha256', secret).update(value, 'utf8').digest('hex');
  return [
    { key: hmac(`bp:${identity.birthDate}|${phoneDigits(identity.phone)}`), matchedOn: 'birthDate+phone' },
    {
      key: hmac(`nbc:${nameKeyForm(identity.name)}|${identity.birthDate}|${identity.centerId}`),
      matchedOn: 'name+birthDate+center',
    },
  ];
}

const hmacWith = (secret: string) => (value: string) =>
  createHmac('sha256', secret).update(value, 'utf8').digest('hex');
/** Fewer digits than a Korean phone number has cannot be one (and must not match every empty phone). */
const MIN_PHONE_DIGITS = 9;

/**
 * Keyed hashes (HMAC-SHA256 with the identity key, hex) of her name alone and of her phone's
 * digits alone, in this order: what the caseload search matches exactly, without plaintext.
 * Prefixed differently from the identity keys, so no search key equals an identity key.
 */
export function searchKeysOf(secret: string, identity: Pick<ClientIdentity, 'name' | 'phone'>): string[] {
  const hmac = hmacWith(secret);
  return [hmac(`sn:${nameKeyForm(identity.name)}`), hmac(`sp:${phoneDigits(identity.phone)}`)];
}

/**
 * The search keys a search text may match: her whole name, and, when the text holds a phone
 * number's worth of digits, that phone number (with or without dashes). Empty for blank text.
 */
export function searchKeysForQuery(secret: string, text: string): string[] {
  const hmac = hmacWith(secret);
  const keys: string[] = [];
  if (nameKeyForm(text) !== '') keys.push(hmac(`sn:${nameKeyForm(text)}`));
  const digits = phoneDigits(text);
  if (digits.length >= MIN_PHONE_DIGITS) keys.push(hmac(`sp:${digits}`));
  return keys;
}
