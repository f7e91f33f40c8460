import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedClusterDir, prepareDataDir } from './embedded-reuse';

describe("Saeil's data directory and the embedded cluster in it", () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'saeil-datadir-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const asRoot = process.getuid?.() === 0;

  it('keeps the cluster in postgres/ beside keys/, and uses an older data directory that is a cluster as it is', () => {
    expect(embeddedClusterDir(root)).toBe(path.join(root, 'postgres'));
    writeFileSync(path.join(root, 'PG_VERSION'), '17\n');
    expect(embeddedClusterDir(root)).toBe(root);
  });

  it('creates a missing data directory', () => {
    const dir = path.join(root, 'a', 'data');
    prepareDataDir(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  (asRoot ? it : it.skip)(
    'as root, lets the postgres user pass through a 0700 data directory (execute bit only), and never touches a cluster',
    () => {
      const dir = path.join(root, 'data');
      prepareDataDir(dir);
      chmodSync(dir, 0o700);
      expect(prepareDataDir(dir)).toBe(true);
      expect(statSync(dir).mode & 0o777).toBe(0o711);
      expect(prepareDataDir(dir)).toBe(false);

      const cluster = path.join(root, 'old');
      prepareDataDir(cluster);
      writeFileSync(path.join(cluster, 'PG_VERSION'), '17\n');
      chmodSync(cluster, 0o700);
      expect(prepareDataDir(cluster)).toBe(false);
      expect(statSync(cluster).mode & 0o777).toBe(0o700);
    },
  );
});
