import { isSuppressed, Published, suppressTable, SUPPRESSED } from './suppression';

/**
 * One row of person counts with its published total (e.g. the outcomes of a milestone and its
 * eligible count), suppressed as `suppressTable` does, but starting from figures that other
 * tables already had to hide (`forced`): when a breakdown hides one of its column totals, the
 * same figure must not be published in the overall row, and the row must then be protected
 * again (one hidden figure next to a published total can be recovered by subtraction).
 *
 * The rules are suppression.ts's, for a single group: primary (below the threshold), then
 * repeated until nothing changes: exactly one figure hidden → the smallest published cell (the
 * total when no cell is left); the total published and the hidden cells adding up to less than
 * the threshold → the next smallest cell.
 */
export function suppressRow(
  cells: readonly number[],
  total: number,
  threshold: number,
  forced: { cells?: readonly number[]; total?: boolean } = {},
): { cells: Published[]; total: Published } {
  // suppressTable validates the counts and the threshold and applies the same rules without `forced`.
  const base = suppressTable(
    {
      columns: cells.map((_, i) => String(i)),
      rows: [{ label: 'row', cells: [...cells] }],
      totals: { rows: true, columns: false },
    },
    { threshold },
  );
  const hidden = base.rows[0].cells.map((c) => isSuppressed(c));
  let totalHidden = isSuppressed(base.rows[0].total ?? 0);
  for (const i of forced.cells ?? []) hidden[i] = true;
  if (forced.total) totalHidden = true;

  const smallestPublished = (): number | undefined =>
    cells.reduce<number | undefined>(
      (best, value, i) => (hidden[i] || (best !== undefined && cells[best] <= value) ? best : i),
      undefined,
    );
  for (;;) {
    const hiddenCount = hidden.filter(Boolean).length + (totalHidden ? 1 : 0);
    if (hiddenCount === 0) break;
    const hiddenSum = cells.reduce((sum, value, i) => sum + (hidden[i] ? value : 0), 0);
    const pick = smallestPublished();
    if (hiddenCount === 1) {
      if (pick !== undefined) hidden[pick] = true;
      else if (!totalHidden) totalHidden = true;
      else break;
    } else if (!totalHidden && hiddenSum < threshold && pick !== undefined) {
      hidden[pick] = true;
    } else break;
  }
  return { cells: cells.map((value, i) => (hidden[i] ? SUPPRESSED : value)), total: totalHidden ? SUPPRESSED : total };
}
