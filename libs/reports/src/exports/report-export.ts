import { ValidationFailed } from '@saeil/core';
import type { MinistryReportFigures } from '@saeil/contracts';
import { canonicalJson } from '../domain/canonical';
import { toCsv } from './csv';
import type { ReportExactFigures } from '../report/build-ministry-report';
import { ReportNames, reportRows, reportRowsWithExact, SubmissionFacts } from './report-rows';
import { toXlsx } from './xlsx';

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ReportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function exportFormat(format: string | undefined): ExportFormat {
  const given = format ?? 'json';
  if ((EXPORT_FORMATS as readonly string[]).includes(given)) return given as ExportFormat;
  throw new ValidationFailed([
    { field: 'format', code: 'isIn', message: `format must be one of ${EXPORT_FORMATS.join(', ')}` },
  ]);
}

/** `ministry-report-center-c1-2026-Q1[-v2].csv`: level, scope, period (and version of a frozen one). */
export function reportFilename(report: MinistryReportFigures, format: ExportFormat, version?: number): string {
  return `ministry-report-${report.level}-${report.scopeId ?? 'nation'}-${report.period.key}${version !== undefined ? `-v${version}` : ''}.${format}`;
}

export interface ExportOptions {
  /** What the report's ids stand for (center names). */
  names?: ReportNames;
  /** The center's own view: her exact figures beside what the Ministry will see. */
  exact?: ReportExactFigures;
}

/**
 * The report as a file. JSON is the canonical JSON (the bytes whose sha256 is the content hash),
 * so a preview as of a submitted position can be compared byte for byte with the frozen version.
 * The center's own view adds `view: "center"` and `exact` (her figures unsuppressed) beside the
 * published ones, which stay as they are; CSV and XLSX get a fifth column for them.
 */
export async function exportReport(
  report: MinistryReportFigures,
  format: ExportFormat,
  submission?: SubmissionFacts,
  options: ExportOptions = {},
): Promise<ReportFile> {
  const filename = reportFilename(report, format, submission?.version);
  const contentType = CONTENT_TYPES[format];
  const { names, exact } = options;
  if (format === 'json')
    return {
      body: Buffer.from(canonicalJson(exact ? { ...report, view: 'center', exact } : report), 'utf8'),
      contentType,
      filename,
    };
  const rows = exact
    ? reportRowsWithExact(report, { ...report, ...exact }, names)
    : reportRows(report, submission, names);
  if (format === 'csv') return { body: Buffer.from(toCsv(rows), 'utf8'), contentType, filename };
  return { body: await toXlsx(rows, filename), contentType, filename };
}
