import { existsSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The URL of an embedded PostgreSQL that another Saeil process (npm start) is already running
 * on this data directory, or undefined. Lets tools such as `npm run projections:rebuild` work
 * beside a running system instead of failing on the data directory's lock.
 */
export function runningEmbeddedPostgres(dataDir: string, user = 'postgres', password = 'postgres'): string | undefined {
  const dir = path.resolve(dataDir);
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  try {
    if (!(pid > 0 && port > 0 && readlinkSync(`/proc/${pid}/cwd`) === realpathSync(dir))) return undefined;
  } catch {
    return undefined;
  }
  return `postgres://${user}:${password}@127.0.0.1:${port}/postgres`;
}
