export * from './errors';
export { isSealed, ENVELOPE_VERSION, type Sealed } from './crypto/envelope';
export { MasterKeyring, decodeMasterKey, masterKeyId, type MasterKey } from './crypto/master-keyring';
export { resolveMasterKeyring, type SqlRunner } from './secrets/master-keys';
export { PrivacyVault, type PrivacyVaultOptions } from './vault/privacy-vault';
export * from './vault/personal-data';
export { PrivacyModule, privacyModule } from './privacy.module';
export { openStoredPersonalData } from './vault/stored-personal-data';
export { destroyDataKey, keylessEraser, vacuumDataKeys, type DataKeyEraser } from './vault/erasure';
