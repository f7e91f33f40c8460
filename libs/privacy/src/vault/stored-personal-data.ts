import { isSealed } from '../crypto/envelope';
import { PersonalDataResult } from './personal-data';
import type { PrivacyVault } from './privacy-vault';

/**
 * Opens a personal value as a read model stores it: a sealed envelope (opened through the vault:
 * her fields, or ErasedPersonalData once her key is destroyed), or the JSON of the plaintext a
 * version 1 event carried before sealing existed (development databases only; returned as is).
 */
export async function openStoredPersonalData<T extends object>(
  vault: Pick<PrivacyVault, 'openFields'>,
  clientId: string,
  stored: string,
): Promise<PersonalDataResult<T> & { legacy?: true }> {
  if (isSealed(stored)) return vault.openFields<T>(clientId, stored);
  return { status: 'open', fields: JSON.parse(stored) as T, legacy: true };
}
