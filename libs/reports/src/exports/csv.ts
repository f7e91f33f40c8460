import { exportCell, REPORT_HEADERS, REPORT_HEADERS_WITH_EXACT, ReportRow, withExact } from './report-rows';

/** Excel opens a CSV as UTF-8 (and shows Korean) only when the file starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes
 * doubled. Text starting with = + - @ (or a tab/CR) and more after it is prefixed with ' so that a spreadsheet
 * shows it instead of running it as a formula (CSV injection); numbers are written as they are.
 */
export function csvField(value: number | string): string {
  if (typeof value === 'number') return String(value);
  const text = value.length > 1 && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV: BOM, Korean header line, CRLF line ends; a fifth column when the rows carry exact figures. */
export function toCsv(rows: readonly ReportRow[]): string {
  const exact = withExact(rows);
  const cells = (r: ReportRow) => [
    r.section,
    r.item,
    r.detail,
    exportCell(r.value),
    ...(exact ? [exportCell(r.exact ?? null)] : []),
  ];
  const lines = [
    (exact ? REPORT_HEADERS_WITH_EXACT : REPORT_HEADERS).map(csvField),
    ...rows.map((r) => cells(r).map(csvField)),
  ];
  return `${UTF8_BOM}${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}
