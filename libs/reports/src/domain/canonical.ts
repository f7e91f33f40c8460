import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The canonical JSON of a frozen report (RFC 8785, JSON Canonicalization Scheme: keys sorted,
 * no whitespace, numbers as ECMAScript prints them), so the same figures always give the same
 * bytes and the same hash, whatever order the objects were built in.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('nothing to serialize');
  return text;
}

/** sha256 (hex) of the canonical JSON: the content hash stored with a submitted report. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
