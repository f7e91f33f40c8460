import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The layer rules (.dependency-cruiser.js, run over the whole tree by `npm run lint:deps` in
 * `npm test`) can fail: each one is shown here catching a small tree made to break it, and
 * passing what it must allow.
 */
const ROOT = path.resolve(__dirname, '../..');

function violations(files: Record<string, string>): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'saeil-layers-'));
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const paths: Record<string, string[]> = {};
    for (const lib of ['core', 'runtime', 'kpi', 'event-store', 'intake', 'app'])
      paths[`@saeil/${lib}`] = [`libs/${lib}/src`];
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { baseUrl: '.', module: 'commonjs', paths } }),
    );
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    mkdirSync(path.join(dir, 'scripts'), { recursive: true });
    const cli = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const args = [
      cli,
      'libs',
      'scripts',
      '--config',
      path.join(ROOT, '.dependency-cruiser.js'),
      '--output-type',
      'json',
      '--no-progress',
    ];
    let out: string;
    try {
      out = execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // it exits non-zero when it finds violations; its report is still on stdout
      out = (error as { stdout?: string }).stdout ?? '';
      if (!out) throw error;
    }
    const result = JSON.parse(out) as {
      summary: { violations: { rule: { name: string }; from: string; to: string }[] };
    };
    return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lib = (name: string, text = 'export const x = 1;\n') => ({ [`libs/${name}/src/index.ts`]: text });

describe('layer rules (dependency-cruiser)', () => {
  it('allow what the layers allow', () => {
    expect(
      violations({
        ...lib('core'),
        ...lib('runtime', "import { x } from '@saeil/core';\nexport const y = x;\n"),
        ...lib('event-store'),
        ...lib('kpi', "import { y } from '@saeil/runtime';\nexport const z = y;\n"),
        'libs/kpi/src/domain/plan.decider.ts':
          "import { x } from '@saeil/core';\nimport { createHash } from 'node:crypto';\nimport { a } from './rules';\nexport const d = [x, a, createHash];\n",
        'libs/kpi/src/domain/rules.ts': 'export const a = 1;\n',
        'libs/kpi/src/domain/plan.decider.spec.ts':
          "import { y } from '@saeil/runtime';\nimport { t } from '../../../../tests/support/t';\nexport const s = [y, t];\n",
        'tests/support/t.ts': 'export const t = 1;\n',
      }),
    ).toEqual([]);
  });

  it('refuse a platform lib importing a context, a lib importing the app, a domain importing outside itself or infrastructure, production code importing tests/', () => {
    expect(
      violations({
        ...lib('core', "import { z } from '../../kpi/src';\nexport const x = z;\n"),
        ...lib('kpi', "import { app } from '@saeil/app';\nexport const z = app;\n"),
        ...lib('app', 'export const app = 1;\n'),
        ...lib('runtime'),
        ...lib('event-store'),
        'libs/kpi/src/domain/plan.decider.ts':
          "import { y } from '@saeil/runtime';\nimport type { es } from '@saeil/event-store';\nimport { Injectable } from '@nestjs/common';\nexport const d = [y, Injectable] as unknown as typeof es;\n",
        'scripts/seed.ts': "import { t } from '../tests/support/t';\nexport const s = t;\n",
        'tests/support/t.ts': 'export const t = 1;\n',
      }).map((v) => v.split(':')[0]),
    ).toEqual(
      [
        'platform-imports-no-context',
        'libs-import-no-app',
        'domain-is-pure', // @saeil/runtime
        'domain-is-pure', // @saeil/event-store, even for a type: Decider is the core's
        'domain-imports-no-infrastructure',
        'only-tests-import-tests',
      ].sort(),
    );
  });
});
