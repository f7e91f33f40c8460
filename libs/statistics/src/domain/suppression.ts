import { RuleViolation } from '@saeil/core';
import { rate } from './rates';

/**
 * Small-cell suppression of person counts in breakdowns sent to the Ministry (GLOSSARY: "person
 * counts below a threshold (default 5) … are shown as suppressed, never as the number").
 *
 * Decisions:
 * - The glossary is followed literally: every count below the threshold is suppressed, 0
 *   included (0..4 with the default). A published 0 next to suppressed cells would narrow them.
 * - Totals are person counts too: a row, column or grand total below the threshold is suppressed.
 * - A suppressed figure is `{ suppressed: true }` and nothing else: no value, no reason. Telling a
 *   primary (small) cell from a complementary one would say which cell is small.
 * - Complementary suppression, per group (a row with its row total, a column with its column
 *   total, the column totals with the grand total, the row totals with the grand total), repeated
 *   until nothing changes:
 *     1. exactly one figure of a group suppressed → it could be recovered by subtraction, so the
 *        smallest published cell of the group is suppressed too (the total only when no cell is
 *        left; ties: the first);
 *     2. the group's total is published and its suppressed cells add up to less than the
 *        threshold → that sum (total − published cells) would itself be a small count (two
 *        suppressed zeros would be recovered exactly), so the next smallest cell is suppressed.
 *   This is a group-by-group heuristic, not an audit against every linear combination of groups.
 */

export interface Suppressed {
  suppressed: true;
}

/** A count or rate as published: the number, or suppressed. */
export type Published = number | Suppressed;

export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true as const });

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export interface SuppressionOptions {
  /** Counts below this are suppressed. Default 5. */
  threshold?: number;
}

export function isSuppressed(value: Published | null): value is Suppressed {
  return typeof value === 'object' && value !== null && value.suppressed === true;
}

function thresholdOf(options: SuppressionOptions): number {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RuleViolation('SUPPRESSION_INVALID_THRESHOLD', `비공개 기준은 1 이상의 정수여야 합니다: ${threshold}`, {
      threshold,
    });
  }
  return threshold;
}

function requireCount(value: unknown, where: Record<string, unknown>): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RuleViolation('SUPPRESSION_INVALID_COUNT', `인원수는 0 이상의 정수여야 합니다: ${String(value)}`, {
      ...where,
      value,
    });
  }
  return value;
}

/** One person count on its own (no table to recover it from). */
export function suppressCount(count: number, options: SuppressionOptions = {}): Published {
  const threshold = thresholdOf(options);
  return requireCount(count, {}) < threshold ? SUPPRESSED : count;
}

/**
 * A rate (percent, unrounded) from published figures: suppressed when its numerator or its
 * denominator is suppressed; otherwise `rate` (null for a denominator of 0, which a suppressed
 * person count never is, since 0 is below every threshold).
 */
export function publishRate(numerator: Published, denominator: Published): number | null | Suppressed {
  if (isSuppressed(numerator) || isSuppressed(denominator)) return SUPPRESSED;
  return rate(numerator, denominator);
}

export interface CountTable {
  columns: readonly string[];
  rows: ReadonlyArray<{ label: string; cells: readonly number[] }>;
  /** Which totals are published with the table (computed from the cells). Default: both. */
  totals?: { rows?: boolean; columns?: boolean };
}

export interface PublishedTable {
  columns: string[];
  threshold: number;
  rows: Array<{ label: string; cells: Published[]; total?: Published }>;
  /** Column totals and the grand total, when column totals are published. */
  totals?: { cells: Published[]; total: Published };
  /** The grand total, published whenever any total is. */
  grandTotal?: Published;
}

interface Figure {
  value: number;
  isTotal: boolean;
  hidden: boolean;
}

/** Suppresses small counts of a table and enough others that none can be recovered from the totals. */
export function suppressTable(table: CountTable, options: SuppressionOptions = {}): PublishedTable {
  const threshold = thresholdOf(options);
  const columns = [...table.columns];
  const withRowTotals = table.totals?.rows ?? true;
  const withColumnTotals = table.totals?.columns ?? true;

  const cells: Figure[][] = table.rows.map((row, r) => {
    if (row.cells.length !== columns.length) {
      throw new RuleViolation(
        'SUPPRESSION_SHAPE_MISMATCH',
        `${row.label}: 칸 수(${row.cells.length})가 열 수(${columns.length})와 다릅니다.`,
        { row: row.label, cells: row.cells.length, columns: columns.length },
      );
    }
    return row.cells.map((v, c) => ({
      value: requireCount(v, { row: table.rows[r].label, column: columns[c] }),
      isTotal: false,
      hidden: false,
    }));
  });
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const rowTotals: Figure[] = cells.map((row) => ({
    value: sum(row.map((f) => f.value)),
    isTotal: true,
    hidden: false,
  }));
  const columnTotals: Figure[] = columns.map((_, c) => ({
    value: sum(cells.map((row) => row[c].value)),
    isTotal: true,
    hidden: false,
  }));
  const grand: Figure = { value: sum(rowTotals.map((f) => f.value)), isTotal: true, hidden: false };

  // Groups whose members add up to their total, as figures the reader sees.
  const groups: Array<{ members: Figure[]; total?: Figure }> = [];
  cells.forEach((row, r) => groups.push({ members: row, total: withRowTotals ? rowTotals[r] : undefined }));
  columns.forEach((_, c) =>
    groups.push({ members: cells.map((row) => row[c]), total: withColumnTotals ? columnTotals[c] : undefined }),
  );
  if (withColumnTotals) groups.push({ members: columnTotals, total: grand });
  if (withRowTotals) groups.push({ members: rowTotals, total: grand });

  const published: Figure[] = [
    ...cells.flat(),
    ...(withRowTotals ? rowTotals : []),
    ...(withColumnTotals ? columnTotals : []),
    ...(withRowTotals || withColumnTotals ? [grand] : []),
  ];
  for (const f of published) if (f.value < threshold) f.hidden = true; // primary suppression

  const smallestPublished = (figures: Figure[]): Figure | undefined =>
    figures
      .filter((f) => !f.hidden)
      .reduce<Figure | undefined>((best, f) => (best === undefined || f.value < best.value ? f : best), undefined);

  let changed = true;
  while (changed) {
    changed = false;
    for (const { members, total } of groups) {
      if (!total) continue; // no total published: nothing to subtract from
      const all = [...members, total];
      const hidden = all.filter((f) => f.hidden);
      if (hidden.length === 0) continue;
      let pick: Figure | undefined;
      if (hidden.length === 1) {
        pick = smallestPublished(members) ?? smallestPublished([total]);
      } else if (!total.hidden && sum(members.filter((f) => f.hidden).map((f) => f.value)) < threshold) {
        pick = smallestPublished(members);
      }
      if (pick) {
        pick.hidden = true;
        changed = true;
      }
    }
  }

  const out = (f: Figure): Published => (f.hidden ? SUPPRESSED : f.value);
  return {
    columns,
    threshold,
    rows: table.rows.map((row, r) => ({
      label: row.label,
      cells: cells[r].map(out),
      ...(withRowTotals ? { total: out(rowTotals[r]) } : {}),
    })),
    ...(withColumnTotals ? { totals: { cells: columnTotals.map(out), total: out(grand) } } : {}),
    ...(withRowTotals || withColumnTotals ? { grandTotal: out(grand) } : {}),
  };
}
