import ExcelJS from 'exceljs';
import { Cell, Indicators, isSuppressed } from '../domain/indicators';
import type { CenterRow, RegionRow } from './dashboard-queries';

export const suppressedText = (threshold: number): string => `비공개 (${threshold}명 미만)`;

const HEADERS = [
  '구분',
  '이름',
  '제출',
  '구직 등록',
  '취업자',
  '취업 건수',
  '1개월 고용유지율(%)',
  '2개월 고용유지율(%)',
  '3개월 고용유지율(%)',
  '훈련 후 취업률(%)',
  '성과지표 달성률(%)',
];

const SOURCE_TEXT: Record<RegionRow['source'], string> = {
  report: '시·도 보고',
  sumOfCenters: '센터 보고 합산',
  sumOfRegions: '시·도 합산',
  none: '미제출',
};

/** A cell as a spreadsheet gets it: the number, "" when nothing counts, the suppression text — never 0 for a hidden cell. */
function out(c: Cell, threshold: number, decimals = 0): number | string {
  if (isSuppressed(c)) return suppressedText(threshold);
  if (c === null) return '';
  return decimals ? Number(c.toFixed(decimals)) : c;
}

function figures(i: Indicators | null, threshold: number): (number | string)[] {
  if (!i) return ['', '', '', '', '', '', '', ''];
  return [
    out(i.clientsRegistered, threshold),
    out(i.employedClients, threshold),
    out(i.placements, threshold),
    ...i.retention.map((r) => out(r.rate, threshold, 1)),
    out(i.trainingEmploymentRate, threshold, 1),
    out(i.kpiAchievement, threshold, 1),
  ];
}

export function dashboardRows(
  rows: { regions?: RegionRow[]; centers?: CenterRow[] },
  threshold: number,
): (number | string)[][] {
  const regionRows = (rows.regions ?? []).map((r) => [
    '시·도',
    r.region,
    SOURCE_TEXT[r.source],
    ...figures(r.indicators, threshold),
  ]);
  const centerRows = (rows.centers ?? []).map((c) => [
    '센터',
    c.name,
    c.submitted ? `제출 (${c.version}판)` : '미제출',
    ...figures(c.indicators, threshold),
  ]);
  return [...regionRows, ...centerRows];
}

/** CSV field (RFC 4180), with a leading ' before text a spreadsheet would run as a formula. */
function csvField(value: number | string): string {
  if (typeof value === 'number') return String(value);
  const text = value.length > 1 && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM (Excel shows Korean), CRLF. */
export function toCsv(rows: (number | string)[][]): Buffer {
  const lines = [HEADERS, ...rows].map((r) => r.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(rows: (number | string)[][], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Saeil';
  workbook.title = title;
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet('성과현황', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((header, i) => ({ header, width: i === 1 ? 28 : 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
