import { Global, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { SaeilConfig } from '@saeil/config';
import { RUNTIME, Runtime, type SaeilModuleDefinition } from '@saeil/runtime';
import { PrivacyKeys1732260000000 } from './migrations/1732260000000-privacy-keys';
import { KeystoreSchema1732290000000 } from './migrations/1732290000000-keystore-schema';
import { resolveMasterKeyring } from './secrets/master-keys';
import { PrivacyVault } from './vault/privacy-vault';

/**
 * Hands the PrivacyVault to any module that seals or opens personal data (none does yet: see
 * docs/PRIVACY.md "What remains"). The master key is resolved when the module starts, so a
 * production start without PRIVACY_MASTER_KEY stops there.
 */
@Global()
@Module({
  providers: [
    {
      provide: PrivacyVault,
      inject: [SaeilConfig, RUNTIME],
      useFactory: async (config: SaeilConfig, runtime: Runtime) => {
        const logger = runtime.logger.child({ component: 'privacy' });
        const keyring = await resolveMasterKeyring(config, process.env.NODE_ENV, runtime.dataSource, logger);
        if (keyring.retiredIds.length)
          logger.warn(
            { current: keyring.current.id, retired: keyring.retiredIds },
            'privacy: retired master keys configured; run `npm run privacy:rewrap` to finish the rotation',
          );
        return new PrivacyVault({
          dataSource: runtime.dataSource,
          keyring,
          databaseUrl: runtime.databaseUrl,
          logger,
        }).start();
      },
    },
  ],
  exports: [PrivacyVault],
})
export class PrivacyModule implements OnModuleDestroy {
  constructor(@Inject(PrivacyVault) private readonly vault: PrivacyVault) {}

  async onModuleDestroy(): Promise<void> {
    await this.vault.close();
  }
}

export const privacyModule: SaeilModuleDefinition = {
  name: 'privacy',
  // Keys are a table, not events: no context, no topic (see the migration's comment).
  contexts: [],
  migrations: [PrivacyKeys1732260000000, KeystoreSchema1732290000000],
  projections: [],
  commands: [],
  nestModule: PrivacyModule,
};
