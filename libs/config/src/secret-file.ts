import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/**
 * Where an installation keeps the keys it generated for itself (development starts without the
 * key in the environment): `<SAEIL_DATA_DIR>/keys/<name>`, owner-only, outside the database, so a
 * dump of the database opens nothing and forges nothing. In production every key comes from the
 * environment and these files are not read.
 */
export function keyFilePath(dataDir: string, name: string): string {
  return path.resolve(dataDir, 'keys', name);
}

export class SecretFileError extends Error {}

/**
 * The secret in `file`, creating it with `generate()` when it does not exist: the directory 0700,
 * the file 0600, written in full under a temporary name and then linked into place, so two
 * processes starting at once agree on one value (the loser of the link reads the winner's) and
 * nobody ever reads half a key. A file that others than its owner may read or write is refused
 * rather than used: a key file anyone on the machine could copy protects nothing.
 */
export function readOrCreateSecretFile(file: string, generate: () => string): { secret: string; created: boolean } {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let created = false;
  try {
    statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    created = createAtomically(file, generate());
  }
  return { secret: readOwnerOnly(file), created };
}

function createAtomically(file: string, secret: string): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${secret}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function readOwnerOnly(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const mode = fstatSync(fd).mode & 0o777;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new SecretFileError(
        `${file} may be read or written by others (mode ${mode.toString(8)}): make it owner-only (chmod 600 ${file}) and check who copied it`,
      );
    }
    const secret = readFileSync(fd, 'utf8').trim();
    if (secret === '')
      throw new SecretFileError(
        `${file} is empty: remove it to have a new key generated (what was sealed with the old one is then unreadable)`,
      );
    return secret;
  } finally {
    closeSync(fd);
  }
}
