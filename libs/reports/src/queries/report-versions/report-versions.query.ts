import type { ReportScope } from '../../domain/report-scope';

/** The submitted versions of a report, as frozen in its events (never recomputed). */
export class ReportVersionsQuery {
  constructor(
    readonly scope: ReportScope,
    readonly period: string,
  ) {}
}
