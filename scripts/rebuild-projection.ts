import 'reflect-metadata';
import { loadConfig } from '@saeil/config';
import { SAEIL_MODULES } from '@saeil/app';
import { createRuntime } from '@saeil/runtime';

/**
 * `npm run projections:rebuild -- <name>`: rebuilds one read model from position zero while the
 * system keeps running, then switches it in (libs/projections/src/rebuild.ts).
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  const known = SAEIL_MODULES.flatMap((m) => m.projections).map((p) => p.name);
  if (!name || !known.includes(name)) {
    process.stderr.write(`usage: npm run projections:rebuild -- <name>\nprojections: ${known.join(', ')}\n`);
    process.exit(2);
  }
  const runtime = await createRuntime(loadConfig(), { modules: SAEIL_MODULES, startWorker: false });
  try {
    const projection = runtime.projections.find((p) => p.name === name)!;
    const report = await runtime.rebuilder.rebuild(projection);
    process.stdout.write(
      `rebuilt ${report.projection}: ${report.events} events in ${(report.ms / 1000).toFixed(1)} s, switched over\n`,
    );
  } finally {
    await runtime.close();
  }
}

main().catch((error) => {
  process.stderr.write(`rebuild failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
