import ExcelJS from 'exceljs';
import { buildExactFigures, buildMinistryReport } from '../report/build-ministry-report';
import { milestone, sources } from '@saeil/testing/report-fixtures';
import { csvField, toCsv, UTF8_BOM } from './csv';
import { exportFormat, exportReport, reportFilename } from './report-export';
import { reportRows, reportRowsWithExact } from './report-rows';
import { REPORT_SHEET } from './xlsx';

const report = buildMinistryReport(
  { level: 'center', scopeId: 'center-naju' },
  { key: '2026-Q1', kind: 'quarter', from: '2026-01-01', to: '2026-03-31' },
  sources(),
  5,
);

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
    expect(lines).toContain('취업,고용형태별 취업 건수,정규직,30');
    expect(lines).toContain('취업,수료 후 취업률(%),,비공개');
    expect(lines).toContain('보고서 정보,보고 기간,분기,2026-Q1 (2026-01-01 ~ 2026-03-31)');
    const nullRate = toCsv([{ section: '고용유지', item: '1개월 고용유지율(%)', detail: '전체', value: null }]);
    expect(nullRate.split('\r\n')[1]).toBe('고용유지,1개월 고용유지율(%),전체,-');
  });
});

describe('XLSX', () => {
  it('one sheet with the Korean header row and the figures as numbers, read back with exceljs', async () => {
    const file = await exportReport(report, 'xlsx', {
      version: 2,
      submittedOn: '2026-04-03',
      contentHash: 'ab'.repeat(32),
    });
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
    expect(reportFilename({ ...report, level: 'nation', scopeId: null }, 'csv')).toBe(
      'ministry-report-nation-nation-2026-Q1.csv',
    );
    expect(exportFormat(undefined)).toBe('json');
    expect(() => exportFormat('pdf')).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'format', code: 'isIn' })] }),
    );
  });
});

describe('the exports speak Korean', () => {
  const names = {
    centerName: (id: string) =>
      ({ 'center-naju': '나주여성새로일하기센터', 'center-hwasun': '화순여성새로일하기센터' })[id],
  };
  const period = { key: '2026-Q1', kind: 'quarter', from: '2026-01-01', to: '2026-03-31' } as const;
  const fixture = sources({
    breakdowns: [
      {
        dimension: 'employmentType',
        rows: [
          { key: 'regular', figures: [milestone(1, [30, 6, 2, 1, 1])] },
          { key: 'part_time', figures: [milestone(1, [0, 0, 0, 0, 0])] },
        ],
      },
      { dimension: 'placementMonth', rows: [{ key: '2026-01', figures: [milestone(1, [30, 6, 2, 1, 1])] }] },
      { dimension: 'program', rows: [{ key: 'none', figures: [milestone(1, [30, 6, 2, 1, 1])] }] },
      {
        dimension: 'center',
        rows: [
          { key: 'center-naju', figures: [milestone(1, [30, 6, 2, 1, 1])] },
          { key: 'center-unlisted', figures: [milestone(1, [0, 0, 0, 0, 0])] },
        ],
      },
    ],
  });
  const rows = reportRows(
    buildMinistryReport({ level: 'center', scopeId: 'center-naju' }, period, fixture, 5),
    undefined,
    names,
  );
  const details = (item: string) => rows.filter((r) => r.item === item).map((r) => r.detail);

  it("세부 names each breakdown in words, in the enumeration's order, never by its code", () => {
    expect(details('고용형태별 취업 건수')).toEqual(['정규직', '계약직', '시간제']);
    expect(details('임금대별 취업 건수')).toEqual(['200만원 미만', '200만~300만원 미만']);
    expect(details('경로별 취업 건수')).toEqual(['센터 취업연계', '자력 취업']);
    expect(details('경로별 개별상담 건수')).toEqual(['내방', '전화', '찾아가는 이동상담']);
    expect(details('유형별 협약 체결 건수')).toEqual(['여성친화기업 협약', '기관 업무협약']);
    const breakdownDetails = new Set(
      rows
        .filter((r) => r.section.startsWith('고용유지 (') && r.section !== '고용유지 (사후관리)')
        .map((r) => r.detail),
    );
    expect([...breakdownDetails]).toEqual([
      '시간제',
      '정규직',
      '2026년 1월',
      '사후관리 프로그램 없음',
      '나주여성새로일하기센터',
      'center-unlisted',
    ]);
    for (const code of ['in_center', 'regular', 'part_time', '2m_3m', 'women_friendly_company', 'institution_mou'])
      expect(rows.map((r) => r.detail)).not.toContain(code);
  });

  it("대상 and the KPI section name the center, and 기준 시점 replaces the event store's jargon", () => {
    expect(rows.find((r) => r.item === '대상')?.value).toBe('나주여성새로일하기센터');
    expect(rows.some((r) => r.section === '성과지표 (나주여성새로일하기센터)')).toBe(true);
    expect(rows.find((r) => r.item === '기준 시점')).toMatchObject({ detail: '기록 번호', value: 812 });
    expect(rows.map((r) => `${r.item} ${r.detail}`).join('\n')).not.toMatch(/이벤트|저장소|위치/);
    const nation = reportRows({ ...buildMinistryReport({ level: 'nation' }, period, fixture, 5) }, undefined, names);
    expect(nation.find((r) => r.item === '대상')?.value).toBe('전국');
  });
});

describe("a center's own view: her exact figures beside what the Ministry will see", () => {
  const period = { key: '2026-Q1', kind: 'quarter', from: '2026-01-01', to: '2026-03-31' } as const;
  const published = buildMinistryReport({ level: 'center', scopeId: 'center-naju' }, period, sources(), 5);
  const exact = buildExactFigures(sources());

  it('every row keeps the published figure and carries the exact one; suppressed cells show their number there', () => {
    const rows = reportRowsWithExact(published, { ...published, ...exact });
    expect(rows).toHaveLength(reportRows(published).length);
    expect(rows.find((r) => r.item === '1개월 타 사업장 취업' && r.detail === '전체')).toMatchObject({
      value: { suppressed: true },
      exact: 6,
    });
    expect(rows.find((r) => r.item === '수료 후 취업률(%)')).toMatchObject({ value: { suppressed: true }, exact: 85 });
    expect(rows.find((r) => r.item === '1개월 대상자' && r.detail === '전체')).toMatchObject({ value: 40, exact: 40 });
    expect(rows.find((r) => r.detail === '종합 달성률(%)')).toMatchObject({
      exact: (37.5 + 42.2 + (12 * 100) / 28) / 3,
    });
  });

  it('CSV and XLSX get a fifth column, each header saying whose figure it is', async () => {
    const csv = (await exportReport(published, 'csv', undefined, { exact })).body.toString('utf8');
    expect(csv.startsWith(`${UTF8_BOM}구분,항목,세부,값 (성평등가족부 제출),센터 실제 값 (센터 내부용)\r\n`)).toBe(
      true,
    );
    expect(csv.split('\r\n')).toContain('고용유지 (사후관리),1개월 타 사업장 취업,전체,비공개,6');
    const xlsx = await exportReport(published, 'xlsx', undefined, { exact });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(REPORT_SHEET)!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '구분',
      '항목',
      '세부',
      '값 (성평등가족부 제출)',
      '센터 실제 값 (센터 내부용)',
    ]);
    expect(sheet.getSheetValues().slice(2)).toContainEqual([undefined, '취업', '수료 후 취업률(%)', '', '비공개', 85]);
  });

  it('JSON keeps every published field as it is and adds view and exact', async () => {
    const body = JSON.parse((await exportReport(published, 'json', undefined, { exact })).body.toString('utf8'));
    expect(body).toEqual({ ...published, view: 'center', exact });
    expect(body.employment.trainingEmploymentRate).toEqual({ suppressed: true });
    expect(body.exact.employment.trainingEmploymentRate).toBe(85);
  });
});
