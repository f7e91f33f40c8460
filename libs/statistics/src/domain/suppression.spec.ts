import { RuleViolation } from '@saeil/core';
import {
  CountTable,
  isSuppressed,
  Published,
  PublishedTable,
  publishRate,
  SUPPRESSED,
  suppressCount,
  suppressTable,
} from './suppression';

const S = SUPPRESSED;

function violation(fn: () => unknown): RuleViolation {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleViolation) return e;
    throw e;
  }
  throw new Error('expected a RuleViolation');
}

/**
 * What a reader can subtract: for every row, column and totals line whose total is published, no
 * figure may be the only suppressed one, and the suppressed cells may not add up to a small count.
 */
function recoverable(table: CountTable, published: PublishedTable, threshold = 5): string[] {
  const problems: string[] = [];
  const check = (name: string, members: Array<[Published, number]>, total: [Published, number] | undefined) => {
    if (!total) return;
    const hidden = [...members, total].filter(([p]) => isSuppressed(p));
    const hiddenMembers = members.filter(([p]) => isSuppressed(p));
    const sum = hiddenMembers.reduce((a, [, v]) => a + v, 0);
    if (hidden.length === 1) problems.push(`${name}: one suppressed figure`);
    else if (
      !isSuppressed(total[0]) &&
      hiddenMembers.length > 0 &&
      sum < threshold &&
      hiddenMembers.length < members.length
    )
      problems.push(`${name}: suppressed cells add up to ${sum}`);
  };
  const rowTotals = table.rows.map((r) => r.cells.reduce((a, b) => a + b, 0));
  const colTotals = table.columns.map((_, c) => table.rows.reduce((a, r) => a + r.cells[c], 0));
  const grand = rowTotals.reduce((a, b) => a + b, 0);
  published.rows.forEach((row, r) =>
    check(
      `row ${row.label}`,
      row.cells.map((p, c) => [p, table.rows[r].cells[c]]),
      row.total === undefined ? undefined : [row.total, rowTotals[r]],
    ),
  );
  table.columns.forEach((col, c) =>
    check(
      `column ${col}`,
      published.rows.map((row, r) => [row.cells[c], table.rows[r].cells[c]]),
      published.totals ? [published.totals.cells[c], colTotals[c]] : undefined,
    ),
  );
  if (published.totals)
    check(
      'column totals',
      published.totals.cells.map((p, c) => [p, colTotals[c]]),
      [published.totals.total, grand],
    );
  if (published.rows.every((r) => r.total !== undefined) && published.grandTotal !== undefined)
    check(
      'row totals',
      published.rows.map((r, i) => [r.total as Published, rowTotals[i]]),
      [published.grandTotal, grand],
    );
  return problems;
}

const columns = ['30대', '40대', '50대'];

describe('suppressCount and publishRate', () => {
  it('a count below the threshold (default 5) is { suppressed: true } and nothing else; 0 is suppressed too', () => {
    expect([0, 1, 4, 5, 6].map((n) => suppressCount(n))).toEqual([S, S, S, 5, 6]);
    expect(suppressCount(4)).toStrictEqual({ suppressed: true });
    expect(Object.keys(suppressCount(3) as object)).toEqual(['suppressed']);
  });

  it('the threshold is configurable and must be a positive integer', () => {
    expect(suppressCount(9, { threshold: 10 })).toEqual(S);
    expect(suppressCount(10, { threshold: 10 })).toBe(10);
    expect(suppressCount(0, { threshold: 1 })).toEqual(S);
    expect(suppressCount(1, { threshold: 1 })).toBe(1);
    expect(violation(() => suppressCount(3, { threshold: 0 })).code).toBe('SUPPRESSION_INVALID_THRESHOLD');
    expect(violation(() => suppressCount(3, { threshold: 2.5 })).code).toBe('SUPPRESSION_INVALID_THRESHOLD');
    expect(violation(() => suppressCount(-1)).code).toBe('SUPPRESSION_INVALID_COUNT');
    expect(violation(() => suppressCount(1.5)).code).toBe('SUPPRESSION_INVALID_COUNT');
  });

  it('a rate whose numerator or denominator is suppressed is suppressed', () => {
    expect(publishRate(S, 20)).toEqual(S);
    expect(publishRate(10, S)).toEqual(S);
    expect(publishRate(S, S)).toEqual(S);
    expect(publishRate(10, 20)).toBe(50);
    expect(publishRate(suppressCount(45), suppressCount(78))).toBeCloseTo(57.6923, 4);
    expect(publishRate(suppressCount(3), suppressCount(78))).toEqual(S);
  });
});

describe('suppressTable', () => {
  const table: CountTable = {
    columns,
    rows: [
      { label: '센터A', cells: [3, 10, 12] },
      { label: '센터B', cells: [8, 9, 20] },
      { label: '센터C', cells: [7, 6, 15] },
    ],
  };

  it('suppresses the small cell and, per row and column, the next smallest, so that nothing can be subtracted back', () => {
    const published = suppressTable(table);
    expect(published.rows).toEqual([
      { label: '센터A', cells: [S, S, 12], total: 25 },
      { label: '센터B', cells: [8, 9, 20], total: 37 },
      { label: '센터C', cells: [S, S, 15], total: 28 },
    ]);
    expect(published.totals).toEqual({ cells: [18, 25, 47], total: 90 });
    expect(published.grandTotal).toBe(90);
    expect(published.threshold).toBe(5);
    expect(recoverable(table, published)).toEqual([]);
  });

  it('without complementary suppression the cell would be recovered (25 − 10 − 12 = 3): the check above can fail', () => {
    const naive: PublishedTable = {
      columns,
      threshold: 5,
      rows: table.rows.map((r) => ({
        label: r.label,
        cells: r.cells.map((v) => (v < 5 ? S : v)),
        total: r.cells.reduce((a, b) => a + b, 0),
      })),
      totals: { cells: [18, 25, 47], total: 90 },
      grandTotal: 90,
    };
    expect(recoverable(table, naive)).toEqual([
      'row 센터A: one suppressed figure',
      'column 30대: one suppressed figure',
    ]);
  });

  it('the threshold is configurable', () => {
    expect(suppressTable(table, { threshold: 3 }).rows.flatMap((r) => r.cells)).not.toContainEqual(S);
    expect(suppressTable(table, { threshold: 4 }).rows[0].cells).toEqual([S, S, 12]);
    const ten = suppressTable(table, { threshold: 10 });
    expect(ten.rows.map((r) => r.cells)).toEqual([
      [S, S, 12],
      [S, S, 20],
      [S, S, 15],
    ]);
    expect(ten.totals).toEqual({ cells: [18, 25, 47], total: 90 });
    expect(recoverable(table, ten, 10)).toEqual([]);
  });

  it('suppressed cells of a row may not add up to a small count: 2 and 1 (sum 3) take the 6 with them', () => {
    const t: CountTable = {
      columns: ['a', 'b', 'c', 'd'],
      rows: [
        { label: 'A', cells: [2, 1, 6, 30] },
        { label: 'B', cells: [9, 11, 7, 25] },
        { label: 'C', cells: [10, 12, 8, 40] },
      ],
    };
    const published = suppressTable(t);
    expect(published.rows.map((r) => r.cells)).toEqual([
      [S, S, S, 30],
      [S, S, S, 25],
      [10, 12, 8, 40],
    ]);
    expect(published.rows.map((r) => r.total)).toEqual([39, 52, 70]);
    expect(recoverable(t, published)).toEqual([]);
  });

  it('zeros are suppressed (the glossary literally): two zeros beside a 30 would be recovered exactly, so the row goes', () => {
    const t: CountTable = {
      columns,
      rows: [
        { label: 'A', cells: [0, 0, 30] },
        { label: 'B', cells: [12, 14, 40] },
      ],
    };
    const published = suppressTable(t);
    expect(published.rows.map((r) => [r.cells, r.total])).toEqual([
      [[S, S, S], 30],
      [[S, S, S], 66],
    ]);
    expect(published.totals).toEqual({ cells: [12, 14, 70], total: 96 });
    expect(recoverable(t, published)).toEqual([]);
  });

  it('small totals are suppressed too, and a total is taken as complement when no cell is left', () => {
    const t: CountTable = {
      columns: ['명'],
      rows: [
        { label: 'A', cells: [3] },
        { label: 'B', cells: [20] },
      ],
    };
    const published = suppressTable(t);
    expect(published.rows).toEqual([
      { label: 'A', cells: [S], total: S },
      { label: 'B', cells: [S], total: S },
    ]);
    expect(published.totals).toEqual({ cells: [23], total: 23 });
    expect(recoverable(t, published)).toEqual([]);
  });

  it('a grand total below the threshold suppresses everything', () => {
    const published = suppressTable({
      columns: ['a', 'b'],
      rows: [
        { label: 'A', cells: [1, 1] },
        { label: 'B', cells: [1, 0] },
      ],
    });
    expect(published).toEqual({
      columns: ['a', 'b'],
      threshold: 5,
      rows: [
        { label: 'A', cells: [S, S], total: S },
        { label: 'B', cells: [S, S], total: S },
      ],
      totals: { cells: [S, S], total: S },
      grandTotal: S,
    });
  });

  it('without published totals only the small cells go (nothing to subtract from); with row totals only, rows are protected', () => {
    const none = suppressTable({ ...table, totals: { rows: false, columns: false } });
    expect(none.rows.map((r) => r.cells)).toEqual([
      [S, 10, 12],
      [8, 9, 20],
      [7, 6, 15],
    ]);
    expect(none.totals).toBeUndefined();
    expect(none.grandTotal).toBeUndefined();
    expect(none.rows[0].total).toBeUndefined();

    const rowsOnly = suppressTable({ ...table, totals: { rows: true, columns: false } });
    expect(rowsOnly.rows).toEqual([
      { label: '센터A', cells: [S, S, 12], total: 25 },
      { label: '센터B', cells: [8, 9, 20], total: 37 },
      { label: '센터C', cells: [7, 6, 15], total: 28 },
    ]);
    expect(rowsOnly.totals).toBeUndefined();
    expect(rowsOnly.grandTotal).toBe(90);
    expect(recoverable({ ...table }, rowsOnly)).toEqual([]);
  });

  it('is pure: the input is untouched and the same input gives the same output', () => {
    const copy = JSON.parse(JSON.stringify(table));
    const a = suppressTable(table);
    expect(table).toEqual(copy);
    expect(suppressTable(table)).toEqual(a);
  });

  it('refuses a row whose cells do not match the columns, and counts that are not non-negative integers', () => {
    expect(violation(() => suppressTable({ columns, rows: [{ label: 'A', cells: [1, 2] }] })).code).toBe(
      'SUPPRESSION_SHAPE_MISMATCH',
    );
    expect(violation(() => suppressTable({ columns, rows: [{ label: 'A', cells: [1, 2, -3] }] })).code).toBe(
      'SUPPRESSION_INVALID_COUNT',
    );
    expect(violation(() => suppressTable({ columns, rows: [{ label: 'A', cells: [1, 2, 0.5] }] })).code).toBe(
      'SUPPRESSION_INVALID_COUNT',
    );
    expect(violation(() => suppressTable(table, { threshold: -1 })).code).toBe('SUPPRESSION_INVALID_THRESHOLD');
  });
});
