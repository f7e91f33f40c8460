import type { ReportScope } from '../../domain/report-scope';

/** The report of a period with live figures (or as of a position), not frozen. */
export class PreviewReportQuery {
  constructor(
    readonly scope: ReportScope,
    readonly period: string,
    readonly asOfPosition?: number,
    /** The center's own view: the exact figures too. */
    readonly withExact = false,
  ) {}
}
