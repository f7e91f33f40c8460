/** jest globalTeardown: stops the servers globalSetup started (external ones are left alone). */
import { harnessHandles, stopAll } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const started = Date.now();
  await stopAll(harnessHandles());
  console.log(`[harness] stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
