import { isReportPeriod } from '../../components/statistics-terms';

/** 성과 보고's view in the URL: the month (2026-11) or quarter (2026-Q4). */
export interface ReportSearch {
  period?: string;
}

export function reportSearch(search: Record<string, unknown>): ReportSearch {
  return isReportPeriod(search.period) ? { period: search.period } : {};
}
