/**
 * The image's build, done as far as it can be without a Docker engine: the build context is the
 * checkout with `.dockerignore` applied (by @balena/dockerignore, a port of Docker's own
 * matcher), and the Dockerfile's `build` stage is replayed on it instruction by instruction —
 * its COPYs copy what the context holds, its RUNs run (only `npm ci` is replaced by linking the
 * checkout's node_modules, installed from the same lock file). Then what the runtime stages take
 * from it must be there: the entry points each target's CMD runs, and only production
 * dependencies required by the compiled code (the runtime stage installs with --omit=dev).
 *
 * This is what broke on 2026-11-22 unseen: `.dockerignore` dropped tests/, which the build then
 * needed, and the compose test only read the files.
 */
import dockerignore from '@balena/dockerignore';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkoutFiles, ROOT, runShell } from '../support/tree';

interface Instruction {
  line: number;
  keyword: string;
  args: string;
}

/** Dockerfile instructions: comments dropped, `\` continuations joined. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { line: number; text: string } | undefined;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (!pending && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (pending && trimmed.startsWith('#')) return;
    const continued = trimmed.endsWith('\\');
    const part = continued ? trimmed.slice(0, -1).trim() : trimmed;
    pending = pending ? { line: pending.line, text: `${pending.text} ${part}` } : { line: index + 1, text: part };
    if (!continued) {
      const match = /^(\S+)\s*(.*)$/.exec(pending.text)!;
      instructions.push({ line: pending.line, keyword: match[1].toUpperCase(), args: match[2] });
      pending = undefined;
    }
  });
  return instructions;
}

/** The stages by name (`FROM x AS name`), each with its instructions after FROM. */
export function stagesOf(instructions: Instruction[]): Map<string, { from: string; steps: Instruction[] }> {
  const stages = new Map<string, { from: string; steps: Instruction[] }>();
  let current: { from: string; steps: Instruction[] } | undefined;
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args)!;
      current = { from: match[1], steps: [] };
      stages.set(match[2] ?? `#${stages.size}`, current);
    } else current?.steps.push(instruction);
  }
  return stages;
}

/** The files of the checkout that `docker build .` sends, as the engine filters them. */
function buildContextFiles(): string[] {
  const rules = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8');
  const ig = dockerignore({ ignorecase: false }).add(rules);
  return ig.filter(checkoutFiles());
}

/** JSON-form CMD (["node", "dist/…"]) as its argument list. */
function execForm(args: string): string[] {
  return JSON.parse(args) as string[];
}

const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  workspaces?: string[];
};

/** Bare module names required by compiled files under `dir`. */
function requiredPackages(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) {
        for (const match of readFileSync(full, 'utf8').matchAll(/require\("([^"./][^"]*)"\)/g)) {
          const spec = match[1].replace(/^node:/, '');
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
          if (!builtinModules.includes(name)) found.add(name);
        }
      }
    }
  };
  walk(dir);
  return found;
}

describe('the Docker image build, replayed on its build context', () => {
  const dockerfile = parseDockerfile(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
  const stages = stagesOf(dockerfile);
  let root: string;
  let app: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'saeil-image-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('leaves test code out of the context and still builds with the Dockerfile’s own commands', async () => {
    const context = buildContextFiles();
    expect(context).toContain('package.json');
    expect(context.filter((file) => /^tests\/|\.(spec|int-spec|e2e-spec)\.ts$/.test(file))).toEqual([]);

    const build = stages.get('build');
    expect(build).toBeDefined();
    let workdir = '/';
    const env: Record<string, string> = {};
    const at = (dir: string) => path.join(root, path.posix.resolve(workdir, dir));
    for (const step of build!.steps) {
      const where = `Dockerfile:${step.line} ${step.keyword} ${step.args}`;
      switch (step.keyword) {
        case 'WORKDIR':
          workdir = path.posix.resolve(workdir, step.args);
          mkdirSync(at('.'), { recursive: true });
          break;
        case 'ENV': {
          for (const match of step.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g))
            env[match[1]] = match[2].replace(/^"|"$/g, '');
          break;
        }
        case 'COPY': {
          const parts = step.args.split(/\s+/);
          expect({ where, flags: parts.filter((p) => p.startsWith('--')) }).toEqual({ where, flags: [] });
          const destination = at(parts.pop()!);
          for (const source of parts) {
            const files =
              source === '.' ? context : context.filter((file) => file === source || file.startsWith(`${source}/`));
            expect({ where, source, inContext: files.length > 0 }).toEqual({ where, source, inContext: true });
            for (const file of files)
              cpSync(
                path.join(ROOT, file),
                path.join(
                  destination,
                  source === '.' || parts.length > 1 ? file : path.relative(source, file) || path.basename(file),
                ),
                { recursive: true },
              );
          }
          break;
        }
        case 'RUN': {
          if (/^npm ci\b/.test(step.args)) {
            // The one step not replayed: the same lock file is installed in the checkout already.
            if (!existsSync(at('node_modules')))
              symlinkSync(path.join(ROOT, 'node_modules'), at('node_modules'), 'dir');
            // npm ci also installs what a workspace keeps in its own node_modules (not hoisted).
            for (const workspace of packageJson.workspaces ?? []) {
              const own = path.join(ROOT, workspace, 'node_modules');
              if (existsSync(own) && existsSync(at(workspace)) && !existsSync(at(`${workspace}/node_modules`)))
                symlinkSync(own, at(`${workspace}/node_modules`), 'dir');
            }
            break;
          }
          const run = await runShell(step.args, at('.'), env);
          expect({ where, code: run.code, output: run.code === 0 ? '' : run.output }).toEqual({
            where,
            code: 0,
            output: '',
          });
          break;
        }
        default:
          throw new Error(
            `${where}: this test does not know how to replay ${step.keyword}; teach it, so the image's build stays checked`,
          );
      }
    }
    app = at('.');
  }, 300_000);

  it('holds what each runtime target copies from the build and the entry point its CMD runs', () => {
    const targets = [...stages.entries()].filter(([name]) => name !== 'build');
    expect(targets.map(([name]) => name)).toEqual(expect.arrayContaining(['runtime', 'api', 'worker']));
    for (const [name, stage] of targets) {
      for (const step of stage.steps) {
        const where = `${name}: Dockerfile:${step.line} ${step.keyword} ${step.args}`;
        const copied = /^--from=build\s+(\S+)\s+\S+$/.exec(step.args);
        if (step.keyword === 'COPY' && copied)
          expect({ where, exists: existsSync(path.join(app, path.posix.relative('/app', copied[1]))) }).toEqual({
            where,
            exists: true,
          });
        if (step.keyword === 'CMD' && step.args.startsWith('[')) {
          const [command, entry] = execForm(step.args);
          expect({ where, command, built: existsSync(path.join(app, entry)) }).toEqual({
            where,
            command: 'node',
            built: true,
          });
        }
      }
    }
  });

  it('needs at run time only the production dependencies the runtime stage installs', () => {
    const needed = [...requiredPackages(path.join(app, 'dist'))].sort();
    expect(needed.length).toBeGreaterThan(5);
    expect(needed.filter((name) => !(name in packageJson.dependencies))).toEqual([]);
  });
});
