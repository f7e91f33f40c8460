import { addMonths, RuleViolation } from '@saeil/core';

/**
 * Rates, always in percent and unrounded (round with `display` from ./kpi only when showing one).
 */

/**
 * numerator ÷ denominator × 100, or null when the denominator is 0 (no one to measure: "-",
 * not 0 %). Both must be finite and ≥ 0; the numerator may exceed the denominator (achievement).
 */
export function rate(numerator: number, denominator: number): number | null {
  for (const [field, value] of [
    ['numerator', numerator],
    ['denominator', denominator],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RuleViolation(
        'RATE_INVALID_INPUT',
        `비율의 ${field === 'numerator' ? '분자' : '분모'}는 0 이상의 수여야 합니다: ${value}`,
        { field, value },
      );
    }
  }
  if (denominator === 0) return null;
  // × 100 before ÷ keeps exact cases exact (29 × 100 / 200 = 14.5; 29 / 200 × 100 = 14.499999999999998).
  return (numerator * 100) / denominator;
}

/** One training completion (직업교육훈련 수료). A woman who completed two courses counts twice. */
export interface TrainingCompletion {
  clientId: string;
  /** YYYY-MM-DD */
  completedOn: string;
  /** YYYY-MM-DD; needed only with `countFrom: 'enrolment'`. */
  enrolledOn?: string;
  /** Start dates (YYYY-MM-DD) of her placements that were not voided. */
  employmentStarts: readonly string[];
}

export interface TrainingEmploymentOptions {
  /** Employed within N months of completion; default 3 (GLOSSARY: configurable). */
  withinMonths?: number;
  /**
   * Where the window opens. 'completion' (default): a placement starting on or after the completion
   * day. 'enrolment': also a placement that started during the course (she was hired in its last
   * weeks and still completed it).
   */
  countFrom?: 'completion' | 'enrolment';
  /** The day the figure is taken (YYYY-MM-DD). Placements starting later are ignored, and completers whose window is still open and who are not employed yet are counted in `windowOpen`. */
  asOf?: string;
}

export interface TrainingEmploymentRate {
  completers: number;
  employed: number;
  /** employed / completers × 100, unrounded; null with no completers. */
  rate: number | null;
  withinMonths: number;
  /** Completers not employed yet whose window had not closed at `asOf` (0 without `asOf`): the rate may still rise. */
  windowOpen: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function requireDay(field: string, value: unknown, clientId?: string): string {
  if (
    typeof value !== 'string' ||
    !DAY.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new RuleViolation(
      'RATE_INVALID_DATE',
      `${field}은(는) 존재하는 YYYY-MM-DD 날짜여야 합니다: ${String(value)}`,
      { field, value, ...(clientId ? { clientId } : {}) },
    );
  }
  return value;
}

/**
 * Training employment rate (GLOSSARY): completers employed within N months of completion ÷
 * completers. The deadline is completion + N calendar months (month-end rule of `addMonths`),
 * inclusive. Seed 004: 45 of 78 → 57.69… % (57.7 at one decimal).
 */
export function trainingEmploymentRate(
  completions: readonly TrainingCompletion[],
  options: TrainingEmploymentOptions = {},
): TrainingEmploymentRate {
  const withinMonths = options.withinMonths ?? 3;
  if (!Number.isInteger(withinMonths) || withinMonths < 1) {
    throw new RuleViolation('RATE_INVALID_WINDOW', `취업 인정 기간은 1 이상의 개월 수여야 합니다: ${withinMonths}`, {
      withinMonths,
    });
  }
  const countFrom = options.countFrom ?? 'completion';
  const asOf = options.asOf === undefined ? undefined : requireDay('asOf', options.asOf);

  let employed = 0;
  let windowOpen = 0;
  for (const c of completions) {
    const completedOn = requireDay('completedOn', c.completedOn, c.clientId);
    const deadline = addMonths(completedOn, withinMonths);
    let opens = completedOn;
    if (countFrom === 'enrolment') {
      if (c.enrolledOn === undefined)
        throw new RuleViolation('RATE_INVALID_DATE', `수강 시작일이 없습니다 (${c.clientId}).`, {
          field: 'enrolledOn',
          clientId: c.clientId,
        });
      opens = requireDay('enrolledOn', c.enrolledOn, c.clientId);
    }
    const isEmployed = c.employmentStarts.some((start) => {
      const day = requireDay('employmentStarts', start, c.clientId);
      return day >= opens && day <= deadline && (asOf === undefined || day <= asOf);
    });
    if (isEmployed) employed += 1;
    else if (asOf !== undefined && deadline > asOf) windowOpen += 1;
  }
  return {
    completers: completions.length,
    employed,
    rate: rate(employed, completions.length),
    withinMonths,
    windowOpen,
  };
}
