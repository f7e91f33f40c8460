import { createHmac } from 'node:crypto';
import { normaliseName } from '../domain/client.decider';

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
    { key: hmac(`nbc:${normaliseName(identity.name)}|${identity.birthDate}|${identity.centerId}`), matchedOn: 'name+birthDate+center' },
  ];
}
