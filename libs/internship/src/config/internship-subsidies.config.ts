import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  validateSync,
  ValidationError,
} from 'class-validator';
import { ConfigurationError } from '@saeil/config';
import { SUBSIDY_KINDS, SUBSIDY_RECIPIENTS, SubsidyKind, SubsidyRecipient } from '@saeil/contracts';
import type { SubsidySchedules } from '../domain/subsidy-schedule';

/** Environment variable naming another schedule file (tests, or a center's own deployment). */
export const INTERNSHIP_SUBSIDIES_FILE_ENV = 'SAEIL_INTERNSHIP_SUBSIDIES_FILE';
export const DEFAULT_INTERNSHIP_SUBSIDIES_FILE = 'config/internship-subsidies.json';

/** Nest injection token of the loaded SubsidySchedules. */
export const INTERNSHIP_SUBSIDIES = Symbol('INTERNSHIP_SUBSIDIES');

class ScheduledPaymentConfig {
  @IsInt()
  @Min(1)
  @Max(100)
  no: number;

  @IsIn(SUBSIDY_KINDS)
  kind: SubsidyKind;

  @IsIn(SUBSIDY_RECIPIENTS)
  recipient: SubsidyRecipient;

  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amount: number;

  @ValidateIf((p: ScheduledPaymentConfig) => p.kind === 'monthly' || p.month !== undefined)
  @IsInt({ message: 'month (1–24) is required for a monthly payment' })
  @Min(1)
  @Max(24)
  month?: number;

  @ValidateIf((p: ScheduledPaymentConfig) => p.kind === 'retention_bonus' || p.monthsAfterConversion !== undefined)
  @IsInt({ message: 'monthsAfterConversion (0–60) is required for a retention bonus' })
  @Min(0)
  @Max(60)
  monthsAfterConversion?: number;
}

class SubsidyProgramConfig {
  @IsInt()
  @Min(2000)
  @Max(2100)
  programYear: number;

  @IsString()
  @Matches(/\S/, { message: "region must be a 시·도 name or '*'" })
  @MaxLength(50)
  region: string;

  @IsOptional()
  @IsString()
  description?: string;

  @IsInt()
  @Min(0)
  @Max(366)
  conversionWindowDays: number;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ScheduledPaymentConfig)
  payments: ScheduledPaymentConfig[];
}

class SubsidySchedulesConfig {
  @IsOptional()
  @IsString()
  description?: string;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SubsidyProgramConfig)
  programs: SubsidyProgramConfig[];
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return [...Object.values(e.constraints ?? {}).map((m) => `${field}: ${m}`), ...flatten(e.children ?? [], field)];
  });
}

/** What field-by-field validation cannot see: duplicates and fields of the other kind. */
function consistencyProblems(config: SubsidySchedulesConfig): string[] {
  const problems: string[] = [];
  const programKeys = new Set<string>();
  config.programs.forEach((program, i) => {
    const key = `${program.programYear}/${program.region}`;
    if (programKeys.has(key))
      problems.push(`programs.${i}: a second program for ${program.programYear} and region ${program.region}`);
    programKeys.add(key);
    const numbers = new Set<number>();
    const months = new Set<string>();
    program.payments.forEach((payment, j) => {
      const at = `programs.${i}.payments.${j}`;
      if (numbers.has(payment.no)) problems.push(`${at}.no: payment number ${payment.no} appears twice`);
      numbers.add(payment.no);
      if (payment.kind === 'monthly' && payment.monthsAfterConversion !== undefined)
        problems.push(`${at}.monthsAfterConversion: only for retention_bonus payments`);
      if (payment.kind === 'retention_bonus' && payment.month !== undefined)
        problems.push(`${at}.month: only for monthly payments`);
      if (payment.kind === 'monthly') {
        const monthKey = `${payment.recipient}/${payment.month}`;
        if (months.has(monthKey))
          problems.push(`${at}.month: month ${payment.month} is paid to the ${payment.recipient} twice`);
        months.add(monthKey);
      }
    });
  });
  return problems;
}

/** Validates a parsed schedule document; throws a ConfigurationError naming the source and every bad field. */
export function parseInternshipSubsidies(plain: unknown, source: string): SubsidySchedules {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain))
    throw new ConfigurationError(`${source}: must be a JSON object with "programs"`);
  const config = plainToInstance(SubsidySchedulesConfig, plain);
  const errors = validateSync(config, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  const problems = errors.length > 0 ? flatten(errors) : consistencyProblems(config);
  if (problems.length > 0)
    throw new ConfigurationError(
      `Invalid internship subsidy schedule in ${source}:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  return config;
}

/**
 * Reads the subsidy schedules when the internship module starts, so a bad file stops the
 * process at once instead of refusing payments later. The path is SAEIL_INTERNSHIP_SUBSIDIES_FILE,
 * else config/internship-subsidies.json under the working directory.
 */
export function loadInternshipSubsidies(env: Record<string, string | undefined> = process.env): SubsidySchedules {
  const file = path.resolve(env[INTERNSHIP_SUBSIDIES_FILE_ENV] || DEFAULT_INTERNSHIP_SUBSIDIES_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read the internship subsidy schedule ${file} (set ${INTERNSHIP_SUBSIDIES_FILE_ENV}): ${(error as Error).message}`,
    );
  }
  let plain: unknown;
  try {
    plain = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseInternshipSubsidies(plain, file);
}
