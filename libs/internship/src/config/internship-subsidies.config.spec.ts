import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '@saeil/config';
import { programFor } from '../domain/subsidy-schedule';
import {
  INTERNSHIP_SUBSIDIES_FILE_ENV,
  loadInternshipSubsidies,
  parseInternshipSubsidies,
} from './internship-subsidies.config';

const program = (overrides: Record<string, unknown> = {}) => ({
  programYear: 2026,
  region: '*',
  conversionWindowDays: 30,
  payments: [
    { no: 1, kind: 'monthly', recipient: 'employer', amount: 800000, month: 1 },
    { no: 2, kind: 'retention_bonus', recipient: 'worker', amount: 600000, monthsAfterConversion: 6 },
  ],
  ...overrides,
});

function problemsOf(plain: unknown): string {
  try {
    parseInternshipSubsidies(plain, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected the schedule to be refused');
}

describe('internship subsidy schedule configuration', () => {
  it('the shipped config/internship-subsidies.json loads: 800,000 KRW a month for 3 months in 2026 by default', () => {
    const schedules = loadInternshipSubsidies({});
    const ofYear = programFor(schedules, 2026, '경상남도')!;
    expect(ofYear.region).toBe('*');
    expect(ofYear.payments.filter((p) => p.kind === 'monthly').map((p) => [p.month, p.amount])).toEqual([
      [1, 800000],
      [2, 800000],
      [3, 800000],
    ]);
    expect(ofYear.payments.some((p) => p.kind === 'retention_bonus')).toBe(true);
  });

  it(`${INTERNSHIP_SUBSIDIES_FILE_ENV} points at another file`, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'saeil-subsidies-'));
    const file = path.join(dir, 'subsidies.json');
    writeFileSync(
      file,
      JSON.stringify({
        programs: [
          program({
            region: '전라남도',
            payments: [{ no: 1, kind: 'monthly', recipient: 'employer', amount: 1000000, month: 1 }],
          }),
        ],
      }),
    );
    const schedules = loadInternshipSubsidies({ [INTERNSHIP_SUBSIDIES_FILE_ENV]: file });
    expect(programFor(schedules, 2026, '전라남도')!.payments[0].amount).toBe(1000000);
    expect(programFor(schedules, 2026, '경상남도')).toBeUndefined();
  });

  it('a missing or unreadable file stops the start with a message naming it', () => {
    expect(() => loadInternshipSubsidies({ [INTERNSHIP_SUBSIDIES_FILE_ENV]: '/nonexistent/subsidies.json' })).toThrow(
      /\/nonexistent\/subsidies\.json/,
    );
    const dir = mkdtempSync(path.join(os.tmpdir(), 'saeil-subsidies-'));
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "programs": [');
    expect(() => loadInternshipSubsidies({ [INTERNSHIP_SUBSIDIES_FILE_ENV]: file })).toThrow(
      /broken\.json is not valid JSON/,
    );
  });

  it('names every bad field with its path', () => {
    const message = problemsOf({
      programs: [
        program({
          payments: [{ no: 1, kind: 'monthly', recipient: 'bank', amount: -5 }],
          conversionWindowDays: 'thirty',
        }),
      ],
    });
    expect(message).toContain('test.json');
    expect(message).toMatch(/programs\.0\.payments\.0\.recipient/);
    expect(message).toMatch(/programs\.0\.payments\.0\.amount/);
    expect(message).toMatch(/programs\.0\.payments\.0\.month: month \(1–24\) is required for a monthly payment/);
    expect(message).toMatch(/programs\.0\.conversionWindowDays/);
  });

  it('refuses a retention bonus without monthsAfterConversion, unknown fields, and an empty document', () => {
    expect(
      problemsOf({
        programs: [program({ payments: [{ no: 1, kind: 'retention_bonus', recipient: 'employer', amount: 800000 }] })],
      }),
    ).toMatch(/monthsAfterConversion/);
    expect(problemsOf({ programs: [program({ subsidy: 1 })] })).toMatch(/programs\.0\.subsidy/);
    expect(problemsOf({})).toMatch(/programs/);
    expect(problemsOf([])).toMatch(/JSON object/);
  });

  it('refuses duplicates: a second program for the same year and region, a payment number or month twice, fields of the other kind', () => {
    expect(problemsOf({ programs: [program(), program()] })).toMatch(
      /programs\.1: a second program for 2026 and region \*/,
    );
    const payments = [
      { no: 1, kind: 'monthly', recipient: 'employer', amount: 800000, month: 1 },
      { no: 1, kind: 'monthly', recipient: 'employer', amount: 800000, month: 1 },
      { no: 3, kind: 'monthly', recipient: 'employer', amount: 800000, month: 2, monthsAfterConversion: 6 },
    ];
    const message = problemsOf({ programs: [program({ payments })] });
    expect(message).toMatch(/payments\.1\.no: payment number 1 appears twice/);
    expect(message).toMatch(/payments\.1\.month: month 1 is paid to the employer twice/);
    expect(message).toMatch(/payments\.2\.monthsAfterConversion: only for retention_bonus payments/);
  });
});
