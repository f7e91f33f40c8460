import { createHmac, randomBytes } from 'node:crypto';
import { decodeMasterKey, MasterKeyring } from './master-keyring';

describe('master keys', () => {
  it('are named by a fingerprint: 16 hex digits of HMAC-SHA256(key, "saeil-privacy-master-key-id"), the same for the same key', () => {
    const raw = randomBytes(32);
    const expected = createHmac('sha256', raw).update('saeil-privacy-master-key-id').digest('hex').slice(0, 16);
    expect(decodeMasterKey(raw.toString('base64'), 'PRIVACY_MASTER_KEY')).toEqual({ id: expected, key: raw });
    expect(decodeMasterKey(raw.toString('base64'), 'again').id).toBe(expected);
    expect(decodeMasterKey(randomBytes(32).toString('base64'), 'other').id).not.toBe(expected);
  });

  it('must be 32 bytes of base64, the error naming the setting', () => {
    expect(() => decodeMasterKey(randomBytes(31).toString('base64'), 'PRIVACY_MASTER_KEY')).toThrow(
      /^PRIVACY_MASTER_KEY must be 32 random bytes in base64/,
    );
    expect(() => decodeMasterKey('not a key at all, not base64 !!', 'PRIVACY_RETIRED_MASTER_KEYS (entry 2)')).toThrow(
      /^PRIVACY_RETIRED_MASTER_KEYS \(entry 2\) must be/,
    );
  });

  it('a keyring finds the current and the retired keys by id, and lists only the retired ones as retired', () => {
    const current = decodeMasterKey(randomBytes(32).toString('base64'), 'a');
    const retired = decodeMasterKey(randomBytes(32).toString('base64'), 'b');
    const keyring = new MasterKeyring(current, [retired, current]);
    expect(keyring.find(current.id)).toBe(current);
    expect(keyring.find(retired.id)).toBe(retired);
    expect(keyring.find('0000000000000000')).toBeUndefined();
    expect(keyring.retiredIds).toEqual([retired.id]);
  });
});
