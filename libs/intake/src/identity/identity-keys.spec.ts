import { createHmac } from 'node:crypto';
import { identityKeysOf } from './identity-keys';
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
    expect(identityKeysOf(secret, { ...her, name: ' 김  영희 ' })[1].key).toBe(identityKeysOf(secret, { ...her, name: '김 영희' })[1].key);
  });

  it('differ by center for the name key only, and by secret for both', () => {
    const [bp, nbc] = identityKeysOf(secret, her).map((k) => k.key);
    const [bpElsewhere, nbcElsewhere] = identityKeysOf(secret, { ...her, centerId: 'center-jinju' }).map((k) => k.key);
    expect(bpElsewhere).toBe(bp);
    expect(nbcElsewhere).not.toBe(nbc);
    expect(identityKeysOf(`${secret}x`, her)[0].key).not.toBe(bp);
  });
});

describe('the identity hash key (IDENTITY_HASH_KEY)', () => {
  it('is read from the environment', () => {
    expect(identityHashSecret({ IDENTITY_HASH_KEY: secret, NODE_ENV: 'production' }, { warn: jest.fn() })).toBe(secret);
  });

  it('missing in production stops the start with a message naming it', () => {
    expect(() => identityHashSecret({ NODE_ENV: 'production' }, { warn: jest.fn() })).toThrow(/IDENTITY_HASH_KEY is not set/);
  });

  it('too short is refused', () => {
    expect(() => identityHashSecret({ IDENTITY_HASH_KEY: 'short' }, { warn: jest.fn() })).toThrow(/at least 32 characters/);
  });

  it('missing outside production falls back to a fixed development key, warning once', () => {
    const logger = { warn: jest.fn() };
    const first = identityHashSecret({ NODE_ENV: 'test' }, logger);
    expect(identityHashSecret({}, logger)).toBe(first);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain('IDENTITY_HASH_KEY');
  });
});
