import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * The domain (libs/<lib>/src/domain/) is pure: deciders and rules import nothing that starts
 * Nest, opens a database or a broker, nor a lib's index that loads its Nest module. Types from
 * the event store (Decider) and the shared case rule ('@saeil/intake/domain') are allowed.
 */
const REPO = resolve(__dirname, '..', '..', '..');
const CONTEXT_LIBS = ['intake', 'counseling', 'training', 'internship', 'placement', 'employers'];

interface Import {
  specifier: string;
  typeOnly: boolean;
}

function importsOf(fileName: string, text: string): Import[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const namedAllTypes = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) && !clause.name && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly);
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: Boolean(clause?.isTypeOnly || namedAllTypes) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isRequire || node.expression.kind === ts.SyntaxKind.ImportKeyword) found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const INFRASTRUCTURE = [/^@nestjs\//, /^typeorm(\/|$)/, /^kafkajs(\/|$)/, /^pg(\/|$)/];
const PURE_SAEIL = [/^@saeil\/core$/, /^@saeil\/contracts(\/[\w./-]+)?$/, /^@saeil\/intake\/domain$/];

/** Why an import has no place in a domain file (undefined when it is fine). */
function impurity(file: string, domainRoot: string, { specifier, typeOnly }: Import): string | undefined {
  if (INFRASTRUCTURE.some((p) => p.test(specifier))) return `imports ${specifier} (infrastructure)`;
  if (specifier.startsWith('@saeil/')) {
    if (PURE_SAEIL.some((p) => p.test(specifier))) return undefined;
    if (specifier === '@saeil/event-store' && typeOnly) return undefined;
    return `imports ${specifier} (a lib index that loads Nest modules; use import type, '@saeil/intake/domain' or move the pure part to @saeil/core)`;
  }
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(file), specifier);
    if (target !== domainRoot && !target.startsWith(domainRoot + sep)) return `imports ${specifier}, outside the domain folder`;
  }
  return undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function domainFolders(): string[] {
  return readdirSync(join(REPO, 'libs'))
    .map((lib) => join(REPO, 'libs', lib, 'src', 'domain'))
    .filter((dir) => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    });
}

function impuritiesIn(domainRoot: string, file: string, text: string): string[] {
  return importsOf(file, text)
    .map((i) => impurity(file, domainRoot, i))
    .filter((reason): reason is string => reason !== undefined)
    .map((reason) => `${relative(REPO, file)} ${reason}`);
}

describe('domain purity', () => {
  it('finds the domain folder of every context lib (so the check below is not vacuous)', () => {
    const libs = domainFolders().map((dir) => relative(join(REPO, 'libs'), dir).split(sep)[0]);
    expect(libs).toEqual(expect.arrayContaining(CONTEXT_LIBS));
    for (const dir of domainFolders().filter((d) => CONTEXT_LIBS.some((lib) => d.includes(`${sep}${lib}${sep}`)))) {
      expect(sourceFiles(dir).length).toBeGreaterThan(0);
    }
  });

  it('no file under libs/*/src/domain/ imports Nest, TypeORM, kafkajs, pg, a lib index that loads Nest modules, or code outside its domain folder', () => {
    const offenders = domainFolders().flatMap((dir) => sourceFiles(dir).flatMap((file) => impuritiesIn(dir, file, readFileSync(file, 'utf8'))));
    expect(offenders).toEqual([]);
  });

  it('the check recognises every kind of impure import (it can fail)', () => {
    const dir = join(REPO, 'libs', 'example', 'src', 'domain');
    const file = join(dir, 'example.decider.ts');
    const check = (text: string) => impuritiesIn(dir, file, text);
    expect(check(`import { Injectable } from '@nestjs/common';`)).toHaveLength(1);
    expect(check(`import { DataSource } from 'typeorm';`)).toHaveLength(1);
    expect(check(`import type { Kafka } from 'kafkajs';`)).toHaveLength(1);
    expect(check(`import { Pool } from 'pg';`)).toHaveLength(1);
    expect(check(`import { CaseState } from '@saeil/intake';`)).toHaveLength(1);
    expect(check(`import { EventStore } from '@saeil/event-store';`)).toHaveLength(1);
    expect(check(`export { placementsDecider } from '@saeil/placement';`)).toHaveLength(1);
    expect(check(`const { loadCase } = require('@saeil/intake');`)).toHaveLength(1);
    expect(check(`import { bookTeamGrant } from '../commands/pay-startup-grant/startup-grant-ledger';`)).toHaveLength(1);
    expect(
      check(
        [
          `import { NotFound, RuleViolation } from '@saeil/core';`,
          `import type { Decider } from '@saeil/event-store';`,
          `import { type DomainEvent } from '@saeil/event-store';`,
          `import type { PlacementEvent } from '@saeil/contracts';`,
          `import { CaseState, requireOpenCase } from '@saeil/intake/domain';`,
          `import { requireWithinTeamCap } from './startup-grant-budget';`,
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
