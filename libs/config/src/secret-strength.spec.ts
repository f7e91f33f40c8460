import { randomBytes } from 'node:crypto';
import { ConfigurationError, loadConfig } from './saeil-config';
import {
  binaryKeyWeakness,
  databasePasswordWeakness,
  PUBLISHED_SECRETS,
  secretWeakness,
  weakSecretProblems,
} from './secret-strength';

/** What a deployer makes with the README's one-liner. */
const strong = () => ({
  JWT_SECRET: randomBytes(48).toString('base64'),
  IDENTITY_HASH_KEY: randomBytes(48).toString('base64'),
  PRIVACY_MASTER_KEY: randomBytes(32).toString('base64'),
  ACCESS_LOG_MAC_KEY: randomBytes(48).toString('base64'),
  METRICS_TOKEN: randomBytes(24).toString('hex'),
  DATABASE_URL: `postgres://saeil:${randomBytes(24).toString('hex')}@postgres:5432/saeil`,
});

describe('production secrets', () => {
  it('accepts what openssl rand makes, in every form the README gives (base64, hex), many times over', () => {
    for (let i = 0; i < 200; i++) {
      expect(weakSecretProblems(strong())).toEqual([]);
      expect(secretWeakness(randomBytes(32).toString('hex'))).toBeUndefined();
      expect(secretWeakness(randomBytes(32).toString('base64url'))).toBeUndefined();
    }
  });

  it.each(PUBLISHED_SECRETS)('refuses the published value %s for every secret it could be given as', (value) => {
    expect(secretWeakness(value)).toBeDefined();
    expect(databasePasswordWeakness(`postgres://saeil:${value}@postgres/saeil`)).toBeDefined();
  });

  it('refuses the master key docker-compose.yml carried, and any 32 bytes that are text', () => {
    expect(binaryKeyWeakness('bG9jYWwtY29tcG9zZS1tYXN0ZXIta2V5LWNoYW5nZSE=')).toMatch(/published/);
    for (const phrase of [
      'our-center-master-key-for-2026!!',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      '0123456789abcdef0123456789abcdef',
    ]) {
      expect(binaryKeyWeakness(Buffer.from(phrase).toString('base64'))).toMatch(/text/);
    }
    expect(binaryKeyWeakness(Buffer.alloc(32, 7).toString('base64'))).toMatch(/distinct bytes/);
    expect(binaryKeyWeakness(Buffer.from([...Array(32)].map((_, i) => 0x80 + (i % 8))).toString('base64'))).toMatch(
      /distinct bytes/,
    );
  });

  it.each([
    ['a placeholder word, whatever its spelling', 'please-CHANGE_ME-9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c'],
    ['a placeholder word', 'example-secret-7Hq2kLm9Xz4Wv8Rt3Ny6Bp1Cs5Df0GjA'],
    ['one repeated character', 'x'.repeat(64)],
    ['a short alphabet', 'abababababababababababababababababababab'],
    ['too short to hold 128 bits', 'k3Y!9qZ@x7Lw#2Mv'],
    ['digits only, 32 of them', '12345678901234567890123456789012'],
  ])('refuses %s', (_what, value) => {
    expect(secretWeakness(value)).toBeDefined();
  });

  it('refuses placeholder, user-name and short database passwords, and leaves none at all to the server', () => {
    for (const password of ['saeil', 'postgres', 'Password', 'secret'])
      expect(databasePasswordWeakness(`postgres://saeil:${password}@db/saeil`)).toMatch(/placeholder/);
    expect(databasePasswordWeakness('postgres://app:app@db/saeil')).toMatch(/placeholder/);
    expect(databasePasswordWeakness('postgres://saeil:Xy7-short@db/saeil')).toMatch(/shorter/);
    expect(databasePasswordWeakness('postgres://saeil@db/saeil')).toBeUndefined();
  });

  it('refuses one value used for two secrets', () => {
    const settings = strong();
    expect(weakSecretProblems({ ...settings, IDENTITY_HASH_KEY: settings.JWT_SECRET })).toEqual([
      expect.stringMatching(/^IDENTITY_HASH_KEY: must not be the same value as JWT_SECRET/),
    ]);
  });

  it('stops a production start with the old compose values, naming each secret, and lets a development start use them', () => {
    const compose = {
      DATABASE_URL: 'postgres://saeil:saeil@postgres:5432/saeil',
      IDENTITY_HASH_KEY: 'local-compose-identity-hash-key-change-me-0001',
      JWT_SECRET: 'local-compose-jwt-secret-change-me-0000000001',
      PRIVACY_MASTER_KEY: 'bG9jYWwtY29tcG9zZS1tYXN0ZXIta2V5LWNoYW5nZSE=',
      ACCESS_LOG_MAC_KEY: 'local-compose-access-log-mac-key-change-me-01',
    };
    let error: unknown;
    try {
      loadConfig({ ...compose, NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    for (const name of Object.keys(compose)) expect((error as Error).message).toContain(`${name}:`);
    expect(() => loadConfig({ ...compose, NODE_ENV: 'development' })).not.toThrow();
    expect(() => loadConfig({ ...strong(), NODE_ENV: 'production' })).not.toThrow();
  });
});
