import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { validateDto } from '@saeil/core';
import { SAEIL_MODULES } from './modules';

/**
 * Ids have one canonical form (issue 13, finding 1). On a command route the guard leaves an id in
 * another form to the command's DTO, so every record field a command's `access` names must be
 * validated by `IsRecordId` (code `isUuid`, lower case only) — checked here for every command of
 * every module, so a new command cannot forget it — and no source may use the validators that
 * accept other spellings (class-validator's `IsUUID`, Nest's `ParseUUIDPipe`: both take upper case).
 */
const commands = SAEIL_MODULES.flatMap((m) => m.commands);
const REPO = resolve(__dirname, '..', '..', '..');

describe('record ids in command DTOs', () => {
  it('knows the commands', () => {
    expect(commands.length).toBeGreaterThan(30);
  });

  it.each(commands.flatMap((d) => (d.access.records ?? []).map((r) => [d.type, r.field, d] as const)))(
    '%s.%s is a canonical record id and nothing else',
    (_, field, definition) => {
      const rules = getMetadataStorage()
        .getTargetValidationMetadatas(definition.dto, '', true, false)
        .filter((m) => m.propertyName === field)
        .map((m) => m.name ?? m.type);
      expect(rules).toContain('isUuid');
      const id = '0b8a5c2e-4f1d-4c3a-9e7b-2d6f8a1c3e5b';
      for (const other of [id.toUpperCase(), `{${id}}`, ` ${id}`, `${id}x`, id.replace(/-/g, '')]) {
        let refused: string[] = [];
        try {
          validateDto(definition.dto, { [field]: /Ids$/.test(field) ? [other] : other });
        } catch (error) {
          refused = ((error as { fields?: { field: string; code: string }[] }).fields ?? [])
            .filter((f) => f.field === field)
            .map((f) => f.code);
        }
        expect({ other, refused }).toEqual({ other, refused: expect.arrayContaining(['isUuid']) });
      }
    },
  );

  it('no source accepts another spelling of a UUID (IsUUID, ParseUUIDPipe)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (
          path.endsWith('.ts') &&
          !path.endsWith('.spec.ts') &&
          /\bIsUUID\(|\bParseUUIDPipe\b/.test(readFileSync(path, 'utf8'))
        )
          offenders.push(path.slice(REPO.length + 1));
      }
    };
    for (const root of ['libs', 'apps']) walk(join(REPO, root));
    expect(offenders).toEqual([]);
  });
});
