import type { SubsidyKind, SubsidyRecipient } from '@saeil/contracts';

/**
 * The subsidy schedules of 새일여성인턴, as configured (config/internship-subsidies.json): what is
 * paid, to whom, how much and when, per program year and region. Plain data handed to the
 * decider, so the rules never hard-code an amount or a month.
 */
export interface ScheduledPayment {
  /** Number of the payment in its program's schedule (what a payment command names). */
  no: number;
  kind: SubsidyKind;
  recipient: SubsidyRecipient;
  /** KRW. */
  amount: number;
  /** monthly: the internship month it pays for (1 = the first month after the start day). */
  month?: number;
  /** retention_bonus: due this many months after the conversion day. */
  monthsAfterConversion?: number;
}

export interface SubsidyProgram {
  programYear: number;
  /** 시·도, or '*' for the default of the year. */
  region: string;
  /** How long after an internship completed her employer may still convert it (days). */
  conversionWindowDays: number;
  payments: ScheduledPayment[];
  description?: string;
}

export interface SubsidySchedules {
  programs: SubsidyProgram[];
}

export const DEFAULT_REGION = '*';

/** The region's own program for the year, else the year's default ('*'). */
export function programFor(
  schedules: SubsidySchedules,
  programYear: number,
  region: string,
): SubsidyProgram | undefined {
  const ofYear = schedules.programs.filter((p) => p.programYear === programYear);
  return ofYear.find((p) => p.region === region) ?? ofYear.find((p) => p.region === DEFAULT_REGION);
}
