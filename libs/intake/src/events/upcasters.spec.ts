import { UpcasterRegistry } from '@saeil/event-store';
import { contractOf } from '@saeil/contracts';
import { registerIntakeUpcasters } from './upcasters';

describe('intake upcasters (version 1 events, development databases only)', () => {
  const registry = new UpcasterRegistry();
  registerIntakeUpcasters(registry);

  it('make the store write ClientRegistered and ClientProfileUpdated at the version their contracts publish', () => {
    for (const type of ['ClientRegistered', 'ClientProfileUpdated', 'ClientDataErased', 'CaseClosed']) {
      expect({ type, version: registry.currentVersion(type) }).toEqual({ type, version: contractOf(type)!.version });
    }
    expect(registry.currentVersion('ClientRegistered')).toBe(3);
    expect(registry.currentVersion('ClientProfileUpdated')).toBe(3);
  });

  it('lift a version 1 registration by adding her birth year; her identity stays as it was (an upcaster cannot seal)', () => {
    const v1 = {
      clientId: 'c',
      centerId: 'center-naju',
      counselorId: 'k',
      name: '김영희',
      birthDate: '1988-03-14',
      phone: '010-1234-5678',
      region: '전라남도',
      identityKeys: [],
    };
    expect(registry.upcast('ClientRegistered', 1, v1)).toEqual({ schemaVersion: 3, data: { ...v1, birthYear: 1988 } });
  });

  it('lift a version 1 profile change with a birth date by adding the birth year, and leave others as they were', () => {
    const withBirthDate = { clientId: 'c', changes: { birthDate: '1987-01-02' }, identityKeys: ['a'] };
    expect(registry.upcast('ClientProfileUpdated', 1, withBirthDate).data).toEqual({
      ...withBirthDate,
      birthYear: 1987,
    });
    const other = { clientId: 'c', changes: { region: '전라남도' } };
    expect(registry.upcast('ClientProfileUpdated', 1, other)).toEqual({ schemaVersion: 3, data: other });
  });

  it('leave version 2 events as they were (their keyed hashes in clear: an upcaster cannot seal) and version 3 untouched', () => {
    const v2 = { clientId: 'c', personal: 'pd1.x', birthYear: 1988, identityKeys: ['a'], searchKeys: ['b'] };
    expect(registry.upcast('ClientRegistered', 2, v2)).toEqual({ schemaVersion: 3, data: v2 });
    expect(registry.upcast('ClientProfileUpdated', 2, v2)).toEqual({ schemaVersion: 3, data: v2 });
    const v3 = { clientId: 'c', personal: 'pd1.x', birthYear: 1988, sealedKeys: 'pd1.y' };
    expect(registry.upcast('ClientRegistered', 3, v3)).toEqual({ schemaVersion: 3, data: v3 });
  });
});
