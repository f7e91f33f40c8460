import 'reflect-metadata';
import { loadConfig } from '@saeil/config';
import { SAEIL_MODULES } from '@saeil/app';
import { PrivacyVault, resolveMasterKeyring } from '@saeil/privacy';
import { createRuntime } from '@saeil/runtime';

/**
 * `npm run privacy:rewrap`: the second step of a master-key rotation (docs/PRIVACY.md). Re-wraps
 * every client data key still under a retired master key with PRIVACY_MASTER_KEY, beside the
 * running system; events are not touched. Exits 1 while any key is left under another master key.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config, { modules: SAEIL_MODULES, startWorker: false });
  try {
    const keyring = await resolveMasterKeyring(config, process.env.NODE_ENV, runtime.dataSource, runtime.logger);
    const report = await new PrivacyVault({ dataSource: runtime.dataSource, keyring }).rewrapDataKeys();
    process.stdout.write(
      `master key ${keyring.current.id}: ${report.rewrapped} data keys re-wrapped, ${report.remaining} still under another master key\n`,
    );
    for (const s of report.skipped)
      process.stdout.write(`  not re-wrapped: client ${s.clientId} (master key ${s.masterKeyId}): ${s.code}\n`);
    if (report.remaining > 0) process.exitCode = 1;
    else
      process.stdout.write(
        'no data key needs a retired master key any more: PRIVACY_RETIRED_MASTER_KEYS can be emptied\n',
      );
  } finally {
    await runtime.close();
  }
}

main().catch((error) => {
  process.stderr.write(`re-wrap failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
