import pino from 'pino';
import { PrivacyVault, resolveMasterKeyring } from '@saeil/privacy';
import type { TestSaeil } from './app';

/** A vault on the test app's database, with the master key its api uses (configured, or the database's development key). */
export async function vaultOf(saeil: TestSaeil): Promise<PrivacyVault> {
  const dataSource = saeil.runtime.dataSource;
  const keyring = await resolveMasterKeyring(saeil.config, process.env.NODE_ENV, dataSource, pino({ level: 'silent' }));
  return new PrivacyVault({ dataSource, keyring });
}

/**
 * The events with each `personal` and `sealedKeys` envelope replaced by what it opens to, with that database's
 * vault: so that two databases' events, sealed with different keys and ivs, compare by content.
 * An envelope that does not open to her fields fails (tampered, another client's, another key).
 */
export async function openedPersonalData<E extends { type: string; data: unknown }>(
  vault: PrivacyVault,
  events: E[],
): Promise<E[]> {
  return Promise.all(
    events.map(async (event) => {
      const data = event.data as Record<string, unknown>;
      let opened = data;
      // Her identity (`personal`) and her keyed hashes (`sealedKeys`, version 3).
      for (const field of ['personal', 'sealedKeys'] as const) {
        if (typeof data[field] !== 'string') continue;
        const result = await vault.openFields(data.clientId as string, data[field] as string);
        if (result.status !== 'open')
          throw new Error(`${event.type} of client ${String(data.clientId)}: her data is erased`);
        opened = { ...opened, [field]: result.fields };
      }
      return opened === data ? event : { ...event, data: opened };
    }),
  );
}
