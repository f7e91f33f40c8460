import { IsInt, IsObject, IsOptional, IsString, Max, Min } from 'class-validator';
import { JsonConfigFile } from '@saeil/core';
import type { GrantBudget } from '../domain/startup-grant-budget';

export const STARTUP_SUPPORT_FILE_ENV = 'SAEIL_STARTUP_SUPPORT_FILE';
export const DEFAULT_STARTUP_SUPPORT_FILE = 'config/startup-support.json';

class GrantBudgetEntry implements GrantBudget {
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  capPerTeam: number;

  @IsInt()
  @Min(0)
  @Max(10_000)
  teamsPerCenter: number;
}

class StartupSupportFile {
  @IsOptional()
  @IsString()
  description?: string;

  @IsObject()
  years: Record<string, unknown>;

  @IsOptional()
  @IsObject()
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
    const config = new JsonConfigFile(file, 'startup-support configuration');
    const parsed = config.check(StartupSupportFile, config.content);
    const years = yearTable(config, parsed.years, 'years');
    if (!years['*']) config.fail('years.*', "a default entry '*' is required");
    const centers: Record<string, YearTable> = {};
    for (const [centerId, table] of Object.entries(parsed.centers ?? {})) {
      if (!/^[\w-]{1,64}$/.test(centerId)) config.fail(`centers.${centerId}`, 'not a center id');
      if (!table || typeof table !== 'object' || Array.isArray(table))
        config.fail(`centers.${centerId}`, 'must be an object of years');
      centers[centerId] = yearTable(config, table, `centers.${centerId}`);
    }
    return new StartupSupportConfig(years, centers);
  }
}

function yearTable(config: JsonConfigFile, table: Record<string, unknown>, at: string): YearTable {
  const result: YearTable = {};
  for (const [year, entry] of Object.entries(table)) {
    if (!YEAR_KEY.test(year)) config.fail(`${at}.${year}`, "a year must be YYYY or '*'");
    result[year] = { ...config.check(GrantBudgetEntry, entry, `${at}.${year}.`) };
  }
  return result;
}
