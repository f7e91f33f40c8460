import ExcelJS from 'exceljs';
import { exportCell, REPORT_HEADERS, REPORT_HEADERS_WITH_EXACT, ReportRow, withExact } from './report-rows';

export const REPORT_SHEET = '성과보고';

/** The rows as an XLSX workbook: one sheet, Korean header row (bold, frozen), numbers as numbers. */
export async function toXlsx(rows: readonly ReportRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Saeil';
  workbook.title = title;
  // Fixed, so the same report gives the same workbook content (exceljs would stamp "now").
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(REPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const exact = withExact(rows);
  const headers = exact ? REPORT_HEADERS_WITH_EXACT : REPORT_HEADERS;
  const widths = [28, 44, 24, 26, 26];
  sheet.columns = headers.map((header, i) => ({ header, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow([r.section, r.item, r.detail, exportCell(r.value), ...(exact ? [exportCell(r.exact ?? null)] : [])]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
