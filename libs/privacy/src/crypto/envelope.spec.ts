import { createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { PersonalDataUnreadable } from '../errors';
import { formatEnvelope, isSealed, openWithKey, parseEnvelope, sealWithKey } from './envelope';

const dataKey = randomBytes(32);
const kid = randomUUID();
const clientId = 'client-3f1c';
const fields = {
  name: '김새일',
  phone: '010-1234-5678',
  birthDate: '1985-03-14',
  address: '전라남도 나주시 빛가람동 1',
};

/** Expects a PersonalDataUnreadable with this code. */
function expectUnreadable(run: () => unknown, code: string): void {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PersonalDataUnreadable);
  expect((error as PersonalDataUnreadable).code).toBe(code);
}

describe('sealed personal data (envelope pd1)', () => {
  it('is one compact string: pd1.<kid>.<iv>.<ciphertext>.<tag>, 12-byte iv and 16-byte tag, no plaintext in it', () => {
    const sealed = sealWithKey(dataKey, kid, clientId, fields);
    const parts = sealed.split('.');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe('pd1');
    expect(parts[1]).toBe(kid);
    expect(Buffer.from(parts[2], 'base64url')).toHaveLength(12);
    expect(Buffer.from(parts[4], 'base64url')).toHaveLength(16);
    for (const value of ['김새일', '010-1234-5678', '1234', '1985-03-14', '나주']) expect(sealed).not.toContain(value);
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed('김새일')).toBe(false);
  });

  it('is AES-256-GCM over the JSON of the fields, bound to version, client and kid: opened here with node crypto directly', () => {
    const sealed = sealWithKey(dataKey, kid, clientId, fields);
    const [, , iv, ciphertext, tag] = sealed.split('.');
    const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`pd1|${clientId}|${kid}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
    expect(JSON.parse(plaintext)).toEqual(fields);
  });

  it('opens to the same fields, and sealing the same fields twice gives two different strings (fresh iv)', () => {
    const first = sealWithKey(dataKey, kid, clientId, fields);
    const second = sealWithKey(dataKey, kid, clientId, fields);
    expect(first).not.toBe(second);
    expect(openWithKey(dataKey, clientId, parseEnvelope(first))).toEqual(fields);
    expect(openWithKey(dataKey, clientId, parseEnvelope(second))).toEqual(fields);
  });

  it('detects a changed ciphertext, iv or tag (ENVELOPE_TAMPERED), never answering altered text', () => {
    const parts = parseEnvelope(sealWithKey(dataKey, kid, clientId, fields));
    const flip = (buffer: Buffer, at: number) => Buffer.from(buffer.map((byte, i) => (i === at ? byte ^ 0x01 : byte)));
    expectUnreadable(
      () => openWithKey(dataKey, clientId, { ...parts, ciphertext: flip(parts.ciphertext, 3) }),
      'ENVELOPE_TAMPERED',
    );
    expectUnreadable(() => openWithKey(dataKey, clientId, { ...parts, iv: flip(parts.iv, 0) }), 'ENVELOPE_TAMPERED');
    expectUnreadable(() => openWithKey(dataKey, clientId, { ...parts, tag: flip(parts.tag, 15) }), 'ENVELOPE_TAMPERED');
    expectUnreadable(
      () => openWithKey(dataKey, clientId, parseEnvelope(formatEnvelope(parts).replace(parts.kid, randomUUID()))),
      'ENVELOPE_TAMPERED',
    );
  });

  it('does not open under another client id or with another key (ENVELOPE_TAMPERED)', () => {
    const parts = parseEnvelope(sealWithKey(dataKey, kid, clientId, fields));
    expectUnreadable(() => openWithKey(dataKey, 'client-other', parts), 'ENVELOPE_TAMPERED');
    expectUnreadable(() => openWithKey(randomBytes(32), clientId, parts), 'ENVELOPE_TAMPERED');
  });

  it('refuses what is not a pd1 envelope (ENVELOPE_MALFORMED), naming why', () => {
    const good = sealWithKey(dataKey, kid, clientId, fields);
    const [, , iv, ciphertext, tag] = good.split('.');
    expectUnreadable(() => parseEnvelope('김새일'), 'ENVELOPE_MALFORMED');
    expectUnreadable(() => parseEnvelope(good.replace(/^pd1/, 'pd9')), 'ENVELOPE_MALFORMED');
    expectUnreadable(() => parseEnvelope(`pd1.not-a-uuid.${iv}.${ciphertext}.${tag}`), 'ENVELOPE_MALFORMED');
    expectUnreadable(() => parseEnvelope(`pd1.${kid}.${iv}.${ciphertext}`), 'ENVELOPE_MALFORMED');
    expectUnreadable(() => parseEnvelope(`pd1.${kid}.${iv}.${ciphertext}.${tag.slice(0, 10)}`), 'ENVELOPE_MALFORMED');
    expectUnreadable(() => parseEnvelope(`pd1.${kid}.${iv}.${ciphertext}+/.${tag}`), 'ENVELOPE_MALFORMED');
    expect(() => parseEnvelope('pd1.x')).toThrow(/2 parts instead of 5/);
  });
});
