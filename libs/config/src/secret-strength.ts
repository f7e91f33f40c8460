/**
 * What production refuses as a secret: values published somewhere (the placeholders docker-compose.yml
 * and the docs once carried: anyone can sign a token or hash a phone with them), values with words
 * that mark a placeholder, and values too short or too regular to have come from a random source.
 * A secret that passes is not proven random, but one that fails was certainly not.
 */

/** Every literal secret this repository ever published (compose, README, examples). Never acceptable. */
export const PUBLISHED_SECRETS: readonly string[] = [
  'local-compose-identity-hash-key-change-me-0001',
  'local-compose-jwt-secret-change-me-0000000001',
  'bG9jYWwtY29tcG9zZS1tYXN0ZXIta2V5LWNoYW5nZSE=',
  'local-compose-access-log-mac-key-change-me-01',
  'saeil-development-identity-hash-key-not-for-production',
  'saeil',
];

/** Words that mark a value someone meant to replace (compared on letters and digits only, lower case). */
const PLACEHOLDER_WORDS = [
  'changeme',
  'replaceme',
  'placeholder',
  'example',
  'notforproduction',
  'dummy',
  'default',
  'insecure',
  'localcompose',
  'yoursecret',
  'xxxxxx',
];

/** Bits a secret must carry at least, as estimated from its characters (a 128-bit key). */
const MIN_ENTROPY_BITS = 128;
const MIN_DISTINCT_CHARACTERS = 8;

/**
 * An upper estimate of the bits in `value`: its length times the Shannon entropy of its own
 * character distribution. Random base64 of 43 characters gives about 220, hex of 64 about 250;
 * "aaaa…" gives 0 and a short word list little. It over-estimates human-chosen text, which is why
 * placeholder words and published values are refused as well.
 */
export function estimatedEntropyBits(value: string): number {
  const chars = [...value];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}

const squeezed = (value: string): string => value.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Why `value` cannot be a production secret, or undefined when nothing speaks against it. */
export function secretWeakness(value: string): string | undefined {
  const trimmed = value.trim();
  if (PUBLISHED_SECRETS.includes(trimmed))
    return 'is a value published in this repository (docker-compose.yml or the docs): anyone could use it';
  const letters = squeezed(trimmed);
  const word = PLACEHOLDER_WORDS.find((w) => letters.includes(w));
  if (word) return `looks like a placeholder (contains "${word}")`;
  if (new Set(trimmed).size < MIN_DISTINCT_CHARACTERS)
    return `has fewer than ${MIN_DISTINCT_CHARACTERS} distinct characters`;
  if (estimatedEntropyBits(trimmed) < MIN_ENTROPY_BITS)
    return `is too short or too regular to be random (about ${Math.floor(estimatedEntropyBits(trimmed))} bits, at least ${MIN_ENTROPY_BITS} needed)`;
  return undefined;
}

/**
 * Why 32 bytes given in base64 cannot be a master key: published, or bytes that are all printable
 * text (a phrase encoded, never `openssl rand`: for random bytes the odds are about 1 in 10^14),
 * or too few distinct bytes.
 */
export function binaryKeyWeakness(base64: string): string | undefined {
  const trimmed = base64.trim();
  if (PUBLISHED_SECRETS.includes(trimmed))
    return 'is a value published in this repository (docker-compose.yml or the docs): anyone could use it';
  const bytes = Buffer.from(trimmed, 'base64');
  if (bytes.every((b) => b >= 0x20 && b < 0x7f))
    return `decodes to text ("${bytes.toString('latin1').slice(0, 12)}…"), not random bytes: make one with openssl rand -base64 32`;
  if (new Set(bytes).size < 16) return 'has too few distinct bytes to be random: make one with openssl rand -base64 32';
  return undefined;
}

/** Passwords in DATABASE_URL that are placeholders (compose's, PostgreSQL's image docs'). */
const PLACEHOLDER_DB_PASSWORDS = ['saeil', 'postgres', 'password', 'secret', 'changeme', 'example'];
const MIN_DB_PASSWORD_LENGTH = 16;

/** Why the password in a postgres:// URL is not fit for production (no password at all is left to the server's own authentication). */
export function databasePasswordWeakness(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // the URL's own validation names it
  }
  const password = decodeURIComponent(parsed.password);
  if (password === '') return undefined;
  if (PLACEHOLDER_DB_PASSWORDS.includes(password.toLowerCase()) || password === decodeURIComponent(parsed.username))
    return 'has a placeholder password (as in docker-compose.yml or the image docs)';
  if (password.length < MIN_DB_PASSWORD_LENGTH)
    return `has a password shorter than ${MIN_DB_PASSWORD_LENGTH} characters`;
  return secretWeakness(password)
    ? 'has a password that is not random (make one with openssl rand -hex 24)'
    : undefined;
}

/** The secrets configuration reads; production checks each one that is set. */
export interface SecretSettings {
  JWT_SECRET?: string;
  IDENTITY_HASH_KEY?: string;
  PRIVACY_MASTER_KEY?: string;
  ACCESS_LOG_MAC_KEY?: string;
  METRICS_TOKEN?: string;
  DATABASE_URL?: string;
}

/**
 * One line per secret production must refuse (`NAME: why`). Retired master keys are left out on
 * purpose: a rotation away from a weak key must be able to read it one last time. The same value
 * given for two secrets is refused too: one leak would then give both away.
 */
export function weakSecretProblems(settings: SecretSettings): string[] {
  const problems: string[] = [];
  for (const name of ['JWT_SECRET', 'IDENTITY_HASH_KEY', 'ACCESS_LOG_MAC_KEY', 'METRICS_TOKEN'] as const) {
    const value = settings[name];
    const why = value === undefined ? undefined : secretWeakness(value);
    if (why) problems.push(`${name}: ${why} (make one with openssl rand -base64 48)`);
  }
  if (settings.PRIVACY_MASTER_KEY !== undefined) {
    const why = binaryKeyWeakness(settings.PRIVACY_MASTER_KEY);
    if (why) problems.push(`PRIVACY_MASTER_KEY: ${why}`);
  }
  if (settings.DATABASE_URL !== undefined) {
    const why = databasePasswordWeakness(settings.DATABASE_URL);
    if (why) problems.push(`DATABASE_URL: ${why}`);
  }
  const given = (
    ['JWT_SECRET', 'IDENTITY_HASH_KEY', 'PRIVACY_MASTER_KEY', 'ACCESS_LOG_MAC_KEY', 'METRICS_TOKEN'] as const
  ).filter((n) => settings[n] !== undefined);
  for (let i = 0; i < given.length; i++) {
    for (const other of given.slice(i + 1)) {
      if (settings[given[i]]!.trim() === settings[other]!.trim())
        problems.push(`${other}: must not be the same value as ${given[i]}`);
    }
  }
  return problems;
}
