import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * "Today" comes from the injected Clock (CLOCK; SAEIL_CLOCK_TODAY pins it for tests and drills)
 * in every command and query, so a pinned day means the same for every rule. Only the clock
 * itself and the date helpers call todayInKorea(); a handler that called it directly judged
 * "in the future" by the machine's day while the sweep used the pinned one.
 */
const ROOT = path.resolve(__dirname, '../..');
const ALLOWED = new Set(['libs/core/src/clock.ts', 'libs/core/src/dates.ts', 'libs/core/src/index.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sources(full);
    return name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) ? [full] : [];
  });
}

describe('today comes from the injected clock', () => {
  it('no production code but the clock calls todayInKorea()', () => {
    const files = [
      ...sources(path.join(ROOT, 'libs')),
      ...sources(path.join(ROOT, 'apps/api')),
      ...sources(path.join(ROOT, 'apps/worker')),
      ...sources(path.join(ROOT, 'apps/saeil')),
    ];
    expect(files.length).toBeGreaterThan(100);
    const callers = files
      .map((f) => path.relative(ROOT, f))
      .filter((f) => !ALLOWED.has(f) && /\btodayInKorea\(\s*\)/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(callers).toEqual([]);
  });
});
