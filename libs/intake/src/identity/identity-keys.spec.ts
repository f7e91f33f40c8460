import { createHmac } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { identityKeysOf, searchKeysForQuery, searchKeysOf } from './identity-keys';
import { identityHashSecret } from './identity-hasher';

const secret = 'a-test-secret-of-at-least-32-characters!';
const her = { name: '김영희', birthDate: '1988-03-14', phone: '010-1234-5678', centerId: 'center-naju' };

describe('identity keys', () => {
  it('are HMAC-SHA256 hex of "bp:<birthDate>|<phone digits>" and "nbc:<name>|<birthDate>|<center>", in that order', () => {
    const hmac = (value: string) => createHmac('sha256', secret).update(value).digest('hex');
    expect(identityKeysOf(secret, her)).toEqual([
      { key: hmac('bp:1988-03-14|01012345678'), matchedOn: 'birthDate+phone' },
      { key: hmac('nbc:김영희|1988-03-14|center-naju'), matchedOn: 'name+birthDate+center' },
    ]);
  });

  it('ignore how the phone is punctuated and the spaces around and inside the name', () => {
    const keys = identityKeysOf(secret, her).map((k) => k.key);
    expect(identityKeysOf(secret, { ...her, phone: '01012345678' })[0].key).toBe(keys[0]);
    expect(identityKeysOf(secret, { ...her, name: '  김영희 ' })[1].key).toBe(keys[1]);
    expect(identityKeysOf(secret, { ...her, name: ' 김  영희 ' })[1].key).toBe(
      identityKeysOf(secret, { ...her, name: '김 영희' })[1].key,
    );
  });

  it('differ by center for the name key only, and by secret for both', () => {
    const [bp, nbc] = identityKeysOf(secret, her).map((k) => k.key);
    const [bpElsewhere, nbcElsewhere] = identityKeysOf(secret, { ...her, centerId: 'center-jinju' }).map((k) => k.key);
    expect(bpElsewhere).toBe(bp);
    expect(nbcElsewhere).not.toBe(nbc);
    expect(identityKeysOf(`${secret}x`, her)[0].key).not.toBe(bp);
  });
});

describe('search keys (exact-match search without plaintext)', () => {
  const hmac = (value: string) => createHmac('sha256', secret).update(value).digest('hex');

  it('are HMAC-SHA256 hex of "sn:<name>" and "sp:<phone digits>", in that order, and never equal an identity key', () => {
    const keys = searchKeysOf(secret, her);
    expect(keys).toEqual([hmac('sn:김영희'), hmac('sp:01012345678')]);
    expect(identityKeysOf(secret, her).map((k) => k.key)).not.toEqual(expect.arrayContaining([keys[0]]));
  });

  it('a search for her whole name, or her phone with or without dashes, yields one of her keys; part of her name does not', () => {
    const [nameKey, phoneKey] = searchKeysOf(secret, her);
    expect(searchKeysForQuery(secret, ' 김영희 ')).toContain(nameKey);
    expect(searchKeysForQuery(secret, '010-1234-5678')).toContain(phoneKey);
    expect(searchKeysForQuery(secret, '01012345678')).toContain(phoneKey);
    expect(searchKeysForQuery(secret, '영희')).not.toContain(nameKey);
    expect(searchKeysForQuery(secret, '1234')).not.toContain(phoneKey);
  });

  it('compare names in NFC and lower case, spaces collapsed', () => {
    const [latin] = searchKeysOf(secret, { name: 'Anna  Kim', phone: '010-0000-0000' });
    expect(searchKeysForQuery(secret, 'anna kim')).toContain(latin);
    const decomposed = '김영희'.normalize('NFD');
    expect(searchKeysForQuery(secret, decomposed)).toContain(searchKeysOf(secret, her)[0]);
  });

  it('a blank search matches nothing; a short number is not taken for a phone', () => {
    expect(searchKeysForQuery(secret, '   ')).toEqual([]);
    expect(searchKeysForQuery(secret, '12345678')).toHaveLength(1);
  });
});

describe('the identity hash key (IDENTITY_HASH_KEY)', () => {
  it('is read from the environment', () => {
    expect(identityHashSecret({ IDENTITY_HASH_KEY: secret, NODE_ENV: 'production' }, { warn: jest.fn() })).toBe(secret);
  });

  it('missing in production stops the start with a message naming it', () => {
    expect(() => identityHashSecret({ NODE_ENV: 'production' }, { warn: jest.fn() })).toThrow(
      /IDENTITY_HASH_KEY is not set/,
    );
  });

  it('too short is refused', () => {
    expect(() => identityHashSecret({ IDENTITY_HASH_KEY: 'short' }, { warn: jest.fn() })).toThrow(
      /at least 32 characters/,
    );
  });

  it('missing outside production is generated once per installation into an owner-only file of the data directory, warning once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'saeil-hash-key-'));
    const logger = { warn: jest.fn() };
    const first = identityHashSecret({ NODE_ENV: 'test', SAEIL_DATA_DIR: dir }, logger);
    expect(identityHashSecret({ SAEIL_DATA_DIR: dir }, logger)).toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path.join(dir, 'keys', 'identity-hash.key')).mode & 0o777).toBe(0o600);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain('IDENTITY_HASH_KEY');
    const other = mkdtempSync(path.join(tmpdir(), 'saeil-hash-key-'));
    expect(identityHashSecret({ SAEIL_DATA_DIR: other }, logger)).not.toBe(first);
    expect(first).not.toBe('saeil-development-identity-hash-key-not-for-production');
  });
});
