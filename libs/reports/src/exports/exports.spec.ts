import ExcelJS from 'exceljs';
import { buildMinistryReport } from '../report/build-ministry-report';
import { sources } from '../report/report-fixtures';
import { csvField, toCsv, UTF8_BOM } from './csv';
import { exportFormat, exportReport, reportFilename } from './report-export';
import { reportRows } from './report-rows';
import { REPORT_SHEET } from './xlsx';

const report = buildMinistryReport({ level: 'center', scopeId: 'center-naju' }, { key: '2026-Q1', kind: 'quarter', from: '2026-01-01', to: '2026-03-31' }, sources(), 5);

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180), numbers as they are', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('그는 "좋다"고')).toBe('"그는 ""좋다""고"');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(66.66666666666667)).toBe('66.66666666666667');
    expect(csvField(-3)).toBe('-3');
  });

  it('text a spreadsheet would run as a formula is shown as text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+82')).toBe("'+82");
    expect(csvField('@sum')).toBe("'@sum");
  });

  it('starts with a BOM and the Korean header, CRLF line ends; suppressed figures read 비공개, rates without a denominator -', () => {
    const csv = toCsv(reportRows(report));
    expect(csv.startsWith(`${UTF8_BOM}구분,항목,세부,값\r\n`)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toContain('고용유지 (사후관리),1개월 대상자,전체,40');
    expect(lines).toContain('고용유지 (사후관리),1개월 고용유지율(%),전체,75');
    expect(lines).toContain('고용유지 (사후관리),1개월 타 사업장 취업,전체,비공개');
    expect(lines).toContain('취업,고용형태별 취업 건수,regular,30');
    expect(lines).toContain('취업,수료 후 취업률(%),,비공개');
    expect(lines).toContain('보고서 정보,보고 기간,분기,2026-Q1 (2026-01-01 ~ 2026-03-31)');
    const nullRate = toCsv([{ section: '고용유지', item: '1개월 고용유지율(%)', detail: '전체', value: null }]);
    expect(nullRate.split('\r\n')[1]).toBe('고용유지,1개월 고용유지율(%),전체,-');
  });
});

describe('XLSX', () => {
  it('one sheet with the Korean header row and the figures as numbers, read back with exceljs', async () => {
    const file = await exportReport(report, 'xlsx', { version: 2, submittedOn: '2026-04-03', contentHash: 'ab'.repeat(32) });
    expect(file.filename).toBe('ministry-report-center-center-naju-2026-Q1-v2.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(REPORT_SHEET)!;
    expect(sheet.getRow(1).values).toEqual([undefined, '구분', '항목', '세부', '값']);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    expect(rows).toContainEqual([undefined, '고용유지 (사후관리)', '1개월 대상자', '전체', 40]);
    expect(rows).toContainEqual([undefined, '고용유지 (사후관리)', '1개월 미취업', '전체', '비공개']);
    expect(rows).toContainEqual([undefined, '보고서 정보', '제출 판', '', 2]);
  });
});

describe('report files', () => {
  it('JSON is the canonical JSON, named by level, scope and period', async () => {
    const file = await exportReport(report, 'json');
    expect(file.contentType).toBe('application/json; charset=utf-8');
    expect(file.filename).toBe('ministry-report-center-center-naju-2026-Q1.json');
    expect(JSON.parse(file.body.toString('utf8'))).toEqual(report);
    expect(file.body.toString('utf8').startsWith('{"activity":')).toBe(true);
  });

  it('the nation has no scope id in its filename; bad formats are a 400 on format', () => {
    expect(reportFilename({ ...report, level: 'nation', scopeId: null }, 'csv')).toBe('ministry-report-nation-nation-2026-Q1.csv');
    expect(exportFormat(undefined)).toBe('json');
    expect(() => exportFormat('pdf')).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'format', code: 'isIn' })] }));
  });
});
