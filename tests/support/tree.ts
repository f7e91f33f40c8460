import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * The files of the checkout as a fresh clone would have them: what git tracks, plus new files
 * git does not ignore (so that uncommitted work is tested too), never ignored leftovers
 * (dist/, .data/, logs). In CI, a fresh clone, this is exactly the committed tree.
 */
export function checkoutFiles(root = ROOT): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  })
    .toString('utf8')
    .split('\0')
    .filter(Boolean);
  // A tracked file deleted in the working tree is not in a clone made after that change; an
  // installed node_modules (a link git does not see as the ignored folder) is not in a clone either.
  return [...new Set(listed)].filter(
    (file) =>
      file !== 'node_modules' &&
      !file.startsWith('node_modules/') &&
      existsSync(path.join(root, file)) &&
      !lstatSync(path.join(root, file)).isDirectory(),
  );
}

/**
 * Copies `files` (relative to the checkout) into a new temporary directory, and links the
 * checkout's installed node_modules into it (what `npm ci` would install from the same lock
 * file). Readable by other users: as root, the embedded PostgreSQL runs as its own OS user.
 */
export function copyTree(files: string[], label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `saeil-${label}-`));
  chmodSync(dir, 0o755);
  for (const file of files) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(ROOT, file), target);
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // npm ci also installs the packages a workspace keeps in its own node_modules (not hoisted).
  const { workspaces = [] } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    workspaces?: string[];
  };
  for (const workspace of workspaces) {
    const own = path.join(ROOT, workspace, 'node_modules');
    if (existsSync(own) && existsSync(path.join(dir, workspace)))
      symlinkSync(own, path.join(dir, workspace, 'node_modules'), 'dir');
  }
  return dir;
}

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs a command line with `shell` in `cwd` (as a Dockerfile RUN or a terminal would) and returns its exit code and output. */
export function runShell(
  commandLine: string,
  cwd: string,
  env: Record<string, string> = {},
  timeoutMs = 300_000,
  shell = 'sh',
): Promise<CommandResult> {
  const nodeBin = path.dirname(process.execPath);
  return new Promise((resolve, reject) => {
    const child = spawn(shell, ['-c', commandLine], {
      cwd,
      env: { PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ''}`, HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`"${commandLine}" did not finish within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
