import { UpcasterRegistry } from './upcasters';

describe('upcaster registry', () => {
  const registry = new UpcasterRegistry()
    .register('ClientRegistered', 1, (d) => ({ ...d, region: 'unknown' }))
    .register('ClientRegistered', 2, ({ phone, ...rest }) => ({ ...rest, contact: { phone } }));

  it('lifts a v1 payload through every step to the current version', () => {
    expect(registry.upcast('ClientRegistered', 1, { name: '김영희', phone: '010-1' })).toEqual({
      schemaVersion: 3,
      data: { name: '김영희', region: 'unknown', contact: { phone: '010-1' } },
    });
  });

  it('leaves current payloads and types without upcasters alone', () => {
    expect(registry.upcast('ClientRegistered', 3, { a: 1 })).toEqual({ schemaVersion: 3, data: { a: 1 } });
    expect(registry.upcast('Other', 1, { a: 1 })).toEqual({ schemaVersion: 1, data: { a: 1 } });
  });

  it('writes new events at the current version', () => {
    expect(registry.currentVersion('ClientRegistered')).toBe(3);
    expect(registry.currentVersion('Other')).toBe(1);
  });

  it('refuses two upcasters for the same step', () => {
    expect(() => registry.register('ClientRegistered', 1, (d) => d)).toThrow(/twice/);
  });
});
