import { chmodSync, existsSync, mkdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the embedded PostgreSQL keeps its cluster inside Saeil's data directory:
 * `<SAEIL_DATA_DIR>/postgres`, so that what Saeil keeps beside the database (generated keys in
 * keys/, the access log's anchors) is never inside PostgreSQL's own files — not in a file-level
 * backup of the cluster, not in the way of initdb. A data directory that already is a cluster
 * (made before this layout: it holds PG_VERSION) is used as it is.
 */
export function embeddedClusterDir(dataDir: string): string {
  return existsSync(path.join(dataDir, 'PG_VERSION')) ? dataDir : path.join(dataDir, 'postgres');
}

/**
 * Creates Saeil's data directory when it is missing and, when we run as root (embedded
 * PostgreSQL then runs as the `postgres` user), lets other users pass through it to the cluster
 * folder: the execute bit only, so nobody else can list it or read keys/ (which stays 0700).
 * Answers whether the mode had to change.
 */
export function prepareDataDir(dataDir: string): boolean {
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  // An older installation's data directory is the cluster itself: PostgreSQL wants it 0700/0750.
  if (process.getuid?.() !== 0 || existsSync(path.join(dataDir, 'PG_VERSION'))) return false;
  const mode = statSync(dataDir).mode & 0o777;
  if ((mode & 0o001) !== 0) return false;
  chmodSync(dataDir, mode | 0o011);
  return true;
}

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
