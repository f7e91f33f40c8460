import { todayInKorea } from '@saeil/core';

/**
 * Periods and dates of the statistics. Every day is a Korean calendar day (YYYY-MM-DD).
 *
 * What a period selects (documented in docs/API.md too):
 * - counts of things that happen on a day (registrations, placements, completions, sessions,
 *   agreements, meetings, fairs, follow-ups with support): those dated within [from, to];
 * - retention: a cohort — the placements that started within [from, to]. Each of their
 *   milestones is eligible once its milestone date is on or before `asOfDate` (default: `to`),
 *   so a quarter's cohort is measured in full as of a day three months after the quarter.
 *   `placementMonth` (the start's YYYY-MM) is a dimension within the cohort.
 */

export interface PeriodProblem {
  field: string;
  code: string;
  message: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    DAY.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
  );
}

/** Problems with a period and an as-of day, as ValidationFailed fields (empty when fine). */
export function periodProblems(period: { from?: unknown; to?: unknown }, asOfDate?: unknown): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  for (const field of ['from', 'to'] as const) {
    if (!isDay(period[field]))
      problems.push({ field, code: 'invalidDate', message: `${field} must be a date that exists (YYYY-MM-DD)` });
  }
  if (problems.length === 0 && (period.to as string) < (period.from as string)) {
    problems.push({ field: 'to', code: 'periodOutOfOrder', message: 'to must not be before from' });
  }
  if (asOfDate !== undefined && !isDay(asOfDate))
    problems.push({
      field: 'asOfDate',
      code: 'invalidDate',
      message: 'asOfDate must be a date that exists (YYYY-MM-DD)',
    });
  return problems;
}

/** The Korean calendar day an event happened on, from its metadata.occurredAt. */
export function koreanDayOf(occurredAt: string): string {
  return todayInKorea(new Date(occurredAt));
}

/** The retention dimension 'placementMonth' of a start date. */
export function placementMonthOf(startOn: string): string {
  return startOn.slice(0, 7);
}

/** Retention is measured as of this day: the one asked for, else the period's last day. */
export function retentionAsOfDate(period: { to: string }, asOfDate?: string): string {
  return asOfDate ?? period.to;
}

/** Days from `from` to `to`, both inclusive (valid days only). */
export function periodDays(period: { from: string; to: string }): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A period longer than `maxDays` (only checked when both ends are days and in order). */
export function periodLengthProblems(period: { from?: unknown; to?: unknown }, maxDays: number): PeriodProblem[] {
  if (!isDay(period.from) || !isDay(period.to) || period.to < period.from) return [];
  const days = periodDays({ from: period.from, to: period.to });
  if (days <= maxDays) return [];
  return [
    {
      field: 'to',
      code: 'periodTooLong',
      message: `the period may be at most ${maxDays} days; ${period.from} to ${period.to} is ${days} days`,
    },
  ];
}
