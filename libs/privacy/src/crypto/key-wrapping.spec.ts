import { createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { PersonalDataUnreadable } from '../errors';
import { openWithKey, parseEnvelope, sealWithKey } from './envelope';
import { newDataKey, rewrapDataKey, unwrapDataKey, wrapDataKey } from './key-wrapping';
import { decodeMasterKey, MasterKeyring } from './master-keyring';

const oldMaster = decodeMasterKey(randomBytes(32).toString('base64'), 'old');
const newMaster = decodeMasterKey(randomBytes(32).toString('base64'), 'new');
const clientId = 'client-7a2e';

function unreadableCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof PersonalDataUnreadable) return error.code;
    throw error;
  }
  return undefined;
}

describe('data keys wrapped by the master key', () => {
  it('stores 60 bytes (iv ‖ encrypted key ‖ tag) that unwrap, with node crypto directly, to the data key', () => {
    const dataKey = newDataKey();
    const kid = randomUUID();
    const row = wrapDataKey(new MasterKeyring(oldMaster), clientId, kid, dataKey);
    expect(row).toMatchObject({ clientId, kid, masterKeyId: oldMaster.id });
    expect(row.wrapped).toHaveLength(60);
    expect(row.wrapped.includes(dataKey)).toBe(false);
    const decipher = createDecipheriv('aes-256-gcm', oldMaster.key, row.wrapped.subarray(0, 12));
    decipher.setAAD(Buffer.from(`saeil-data-key-v1|${clientId}|${kid}`));
    decipher.setAuthTag(row.wrapped.subarray(44));
    expect(Buffer.concat([decipher.update(row.wrapped.subarray(12, 44)), decipher.final()]).equals(dataKey)).toBe(true);
    expect(unwrapDataKey(new MasterKeyring(oldMaster), row).equals(dataKey)).toBe(true);
  });

  it('does not unwrap without its master key: MASTER_KEY_UNKNOWN, naming the setting to fix', () => {
    const row = wrapDataKey(new MasterKeyring(oldMaster), clientId, randomUUID(), newDataKey());
    expect(unreadableCode(() => unwrapDataKey(new MasterKeyring(newMaster), row))).toBe('MASTER_KEY_UNKNOWN');
    expect(() => unwrapDataKey(new MasterKeyring(newMaster), row)).toThrow(/PRIVACY_RETIRED_MASTER_KEYS/);
  });

  it('detects a wrong master key under the right id, a changed byte, and a key moved to another client (WRAPPED_KEY_TAMPERED)', () => {
    const row = wrapDataKey(new MasterKeyring(oldMaster), clientId, randomUUID(), newDataKey());
    const impostor = new MasterKeyring({ id: oldMaster.id, key: newMaster.key });
    expect(unreadableCode(() => unwrapDataKey(impostor, row))).toBe('WRAPPED_KEY_TAMPERED');
    const changed = Buffer.from(row.wrapped);
    changed[20] ^= 0x80;
    expect(unreadableCode(() => unwrapDataKey(new MasterKeyring(oldMaster), { ...row, wrapped: changed }))).toBe(
      'WRAPPED_KEY_TAMPERED',
    );
    expect(
      unreadableCode(() => unwrapDataKey(new MasterKeyring(oldMaster), { ...row, clientId: 'client-other' })),
    ).toBe('WRAPPED_KEY_TAMPERED');
  });
});

describe('master-key rotation (re-wrap)', () => {
  it('re-wraps the same data key under the new master key: envelopes sealed before still open, and the old master key is no longer needed', () => {
    const dataKey = newDataKey();
    const kid = randomUUID();
    const before = wrapDataKey(new MasterKeyring(oldMaster), clientId, kid, dataKey);
    const sealed = sealWithKey(dataKey, kid, clientId, { name: '박나래', phone: '010-9876-5432' });

    const rotated = rewrapDataKey(new MasterKeyring(newMaster, [oldMaster]), before);

    expect(rotated).toMatchObject({ clientId, kid, masterKeyId: newMaster.id });
    expect(rotated.wrapped.equals(before.wrapped)).toBe(false);
    const unwrappedWithNewOnly = unwrapDataKey(new MasterKeyring(newMaster), rotated);
    expect(unwrappedWithNewOnly.equals(dataKey)).toBe(true);
    expect(openWithKey(unwrappedWithNewOnly, clientId, parseEnvelope(sealed))).toEqual({
      name: '박나래',
      phone: '010-9876-5432',
    });
  });

  it('leaves a row already under the current master key as it is, and cannot re-wrap one whose old key is gone', () => {
    const current = wrapDataKey(new MasterKeyring(newMaster), clientId, randomUUID(), newDataKey());
    expect(rewrapDataKey(new MasterKeyring(newMaster, [oldMaster]), current)).toBe(current);
    const stranded = wrapDataKey(new MasterKeyring(oldMaster), clientId, randomUUID(), newDataKey());
    expect(unreadableCode(() => rewrapDataKey(new MasterKeyring(newMaster), stranded))).toBe('MASTER_KEY_UNKNOWN');
  });
});
