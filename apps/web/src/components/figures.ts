/**
 * How the screens say the statistics' figures. A person count below the suppression threshold
 * reaches readers above the center as `{ suppressed: true }`: it reads "비공개 (5명 미만)", never
 * 0 and never a blank, so nobody mistakes a hidden cell for nothing. Rates are unrounded in the
 * API; they are rounded here only for display, half away from zero, with the decimals kept ("61.0").
 */
export type Suppressed = { suppressed: true };
export type Figure = number | null | Suppressed;

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function isSuppressed(figure: unknown): figure is Suppressed {
  return typeof figure === 'object' && figure !== null && (figure as Suppressed).suppressed === true;
}

export function suppressedText(threshold = DEFAULT_SUPPRESSION_THRESHOLD): string {
  return `비공개 (${threshold}명 미만)`;
}

/** Half away from zero at `decimals`, with the decimals kept: (40.85, 1) → "40.9", (61, 1) → "61.0". */
export function roundedText(value: number, decimals = 1): string {
  const p = 10 ** decimals;
  // The epsilon keeps 1.005-style binary fractions from rounding down.
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * p * (1 + Number.EPSILON))) / p;
  return rounded.toLocaleString('ko-KR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A rate in percent: "61.0%", suppressed, or "—" when nobody was counted (null). */
export function rateText(figure: Figure | undefined, decimals = 1, threshold = DEFAULT_SUPPRESSION_THRESHOLD): string {
  if (isSuppressed(figure)) return suppressedText(threshold);
  if (figure === null || figure === undefined || Number.isNaN(figure)) return '—';
  return `${roundedText(figure, decimals)}%`;
}

/** A person count: "1,234명", or suppressed. */
export function countText(figure: Figure | undefined, unit = '명', threshold = DEFAULT_SUPPRESSION_THRESHOLD): string {
  if (isSuppressed(figure)) return suppressedText(threshold);
  if (figure === null || figure === undefined) return '—';
  return `${figure.toLocaleString('ko-KR')}${unit}`;
}

/** A number for a chart or a sort: suppressed and missing figures are not numbers (never 0). */
export function numeric(figure: Figure | undefined): number | null {
  return typeof figure === 'number' && !Number.isNaN(figure) ? figure : null;
}

/** KRW as the glossary writes it: "2,450,000원". */
export function won(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return `${amount.toLocaleString('ko-KR')}원`;
}

/**
 * Rank rows by a figure, highest first; rows whose figure is suppressed or missing go last (in
 * their given order) and get no rank: a hidden figure is not a low one.
 */
export function rankBy<T>(rows: T[], figure: (row: T) => Figure | undefined): { row: T; rank: number | null }[] {
  const known = rows
    .filter((r) => numeric(figure(r)) !== null)
    .sort((a, b) => numeric(figure(b))! - numeric(figure(a))!);
  const unknown = rows.filter((r) => numeric(figure(r)) === null);
  let rank = 0;
  let previous: number | null = null;
  const ranked = known.map((row, i) => {
    const value = numeric(figure(row))!;
    if (value !== previous) rank = i + 1;
    previous = value;
    return { row, rank };
  });
  return [...ranked, ...unknown.map((row) => ({ row, rank: null }))];
}

/**
 * A counselor as the screens name her: her display name where the API gives one (`counselorName`,
 * added with account-id counselors), else the id it answers.
 */
export function counselorLabel(row: { counselorId: string }): string {
  return (row as { counselorName?: string | null }).counselorName ?? row.counselorId;
}
