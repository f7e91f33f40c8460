import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IsInt, IsObject, IsOptional, IsString, Max, Min } from 'class-validator';
import { ValidationFailed, validateDto } from '@saeil/core';
import type { GrantBudget } from '../domain/startup-grant-budget';

export const STARTUP_SUPPORT_FILE_ENV = 'SAEIL_STARTUP_SUPPORT_FILE';
export const DEFAULT_STARTUP_SUPPORT_FILE = 'config/startup-support.json';

class GrantBudgetEntry implements GrantBudget {
  @IsInt() @Min(0) @Max(100_000_000)
  capPerTeam: number;

  @IsInt() @Min(0) @Max(10_000)
  teamsPerCenter: number;
}

class StartupSupportFile {
  @IsOptional() @IsString()
  description?: string;

  @IsObject()
  years: Record<string, unknown>;

  @IsOptional() @IsObject()
  centers?: Record<string, Record<string, unknown>>;
}

type YearTable = Record<string, GrantBudget>;

const YEAR_KEY = /^(\*|\d{4})$/;

/**
 * 창업지원 마케팅비 budget: the cap per team and the number of teams a center may fund, per grant
 * year ('*' = default) with optional per-center exceptions. Loaded once when the module starts;
 * a bad file stops the start with the file and field named.
 */
export class StartupSupportConfig {
  private constructor(
    private readonly years: YearTable,
    private readonly centers: Record<string, YearTable>,
  ) {}

  budgetFor(centerId: string, grantYear: number): GrantBudget {
    const year = String(grantYear);
    const center = this.centers[centerId];
    return center?.[year] ?? center?.['*'] ?? this.years[year] ?? this.years['*'];
  }

  static load(file = process.env[STARTUP_SUPPORT_FILE_ENV] || DEFAULT_STARTUP_SUPPORT_FILE): StartupSupportConfig {
    const resolved = path.resolve(file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(resolved, 'utf8'));
    } catch (error) {
      throw new Error(`${file}: cannot read the startup-support configuration (${(error as Error).message})`);
    }
    const fail = (field: string, message: string): never => {
      throw new Error(`${file}: ${field}: ${message}`);
    };
    const parsed = check(StartupSupportFile, raw, '', fail);
    const years = yearTable(parsed.years, 'years', fail);
    if (!years['*']) fail('years.*', "a default entry '*' is required");
    const centers: Record<string, YearTable> = {};
    for (const [centerId, table] of Object.entries(parsed.centers ?? {})) {
      if (!/^[\w-]{1,64}$/.test(centerId)) fail(`centers.${centerId}`, 'not a center id');
      if (!table || typeof table !== 'object' || Array.isArray(table)) fail(`centers.${centerId}`, 'must be an object of years');
      centers[centerId] = yearTable(table, `centers.${centerId}`, fail);
    }
    return new StartupSupportConfig(years, centers);
  }
}

function yearTable(table: Record<string, unknown>, at: string, fail: (field: string, message: string) => never): YearTable {
  const result: YearTable = {};
  for (const [year, entry] of Object.entries(table)) {
    if (!YEAR_KEY.test(year)) fail(`${at}.${year}`, "a year must be YYYY or '*'");
    result[year] = { ...check(GrantBudgetEntry, entry, `${at}.${year}.`, fail) };
  }
  return result;
}

function check<T extends object>(cls: new () => T, value: unknown, prefix: string, fail: (field: string, message: string) => never): T {
  try {
    return validateDto(cls, value);
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    const [first] = error.fields;
    return fail(`${prefix}${first.field}`, first.message);
  }
}
