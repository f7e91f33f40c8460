import { createHash } from 'node:crypto';

/** Fixed namespace of Saeil employer ids (UUID v5). */
const NAMESPACE = Buffer.from('5a1e1c3e7b0a4d8e9f2c6b4a8d0e1f27', 'hex');

/**
 * The employer's id, derived (UUID v5) from the digits of the business registration number: the
 * stream `employer-<id>` of a number can only be started once, so a duplicate registration is
 * refused by the stream itself, even when two counselors register the same company at once.
 */
export function employerIdOf(businessNumberDigits: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(businessNumberDigits).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
