import type { UpcasterRegistry } from '@saeil/event-store';

const yearOf = (date: unknown): number | undefined =>
  typeof date === 'string' && /^\d{4}-/.test(date) ? Number(date.slice(0, 4)) : undefined;

/**
 * Version 1 → 2 of ClientRegistered and ClientProfileUpdated. Version 2 seals her name, birth
 * date and phone (`personal`) and adds `birthYear` in clear. An upcaster is pure and holds no key,
 * so it cannot seal: it lifts a version 1 event as far as it can (birthYear added) and leaves her
 * identity in clear, and readers accept both shapes (`personal` present or not). Version 1 events
 * exist only in development databases written before sealing (there is no production data to
 * migrate); such a database is best started afresh. Registering these also makes the store write
 * new events of both types at version 2.
 */
export function registerIntakeUpcasters(registry: UpcasterRegistry): void {
  registry.register('ClientRegistered', 1, (data) => ({ ...data, birthYear: yearOf(data.birthDate) }));
  registry.register('ClientProfileUpdated', 1, (data) => {
    const birthYear = yearOf((data.changes as Record<string, unknown> | undefined)?.birthDate);
    return birthYear === undefined ? data : { ...data, birthYear };
  });
  // Version 2 → 3 seals the keyed hashes (`sealedKeys`); a pure upcaster cannot seal, so a
  // version 2 event keeps its clear `identityKeys`/`searchKeys`, and readers accept both. Nothing
  // reads them from events (the index is a write-side table); these exist only in databases
  // written before version 3.
  registry.register('ClientRegistered', 2, (data) => data);
  registry.register('ClientProfileUpdated', 2, (data) => data);
}
