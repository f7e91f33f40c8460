import { RuleViolation } from '@saeil/core';
import { WAGE_BAND_LABELS } from '@saeil/contracts';

/**
 * Monthly wage bands (KRW per month, 월 임금) that placements are counted by. Lower bound
 * inclusive, upper bound exclusive: 2,000,000 is in '2m_3m'. The 2026 minimum wage for a
 * full-time month (209 h) is about 2.16 million, so 'under_2m' is mostly part-time work.
 * Changing the bands changes stored facts: rebuild the statistics projection afterwards.
 */
export const WAGE_BANDS = [
  { band: 'under_2m', label: WAGE_BAND_LABELS.under_2m, from: 0, below: 2_000_000 },
  { band: '2m_3m', label: WAGE_BAND_LABELS['2m_3m'], from: 2_000_000, below: 3_000_000 },
  { band: '3m_4m', label: WAGE_BAND_LABELS['3m_4m'], from: 3_000_000, below: 4_000_000 },
  { band: '4m_and_over', label: WAGE_BAND_LABELS['4m_and_over'], from: 4_000_000, below: Number.POSITIVE_INFINITY },
] as const;

export type WageBand = (typeof WAGE_BANDS)[number]['band'];
export const WAGE_BAND_KEYS: readonly WageBand[] = WAGE_BANDS.map((b) => b.band);

export function wageBandOf(monthlyWage: number): WageBand {
  if (typeof monthlyWage !== 'number' || !Number.isFinite(monthlyWage) || monthlyWage < 0) {
    throw new RuleViolation('WAGE_INVALID', `월 임금은 0 이상의 수여야 합니다: ${String(monthlyWage)}`, {
      monthlyWage,
    });
  }
  return WAGE_BANDS.find((b) => monthlyWage >= b.from && monthlyWage < b.below)!.band;
}
