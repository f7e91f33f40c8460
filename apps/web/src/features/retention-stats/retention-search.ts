import dayjs from 'dayjs';
import { isDay } from '../../components/statistics-terms';

export type RetentionDimension = 'program' | 'employmentType' | 'occupationGroup';
export const DIMENSIONS: RetentionDimension[] = ['program', 'employmentType', 'occupationGroup'];

/** 고용유지's view in the URL: the placement period, the as-of day and the table's breakdown. */
export interface RetentionSearch {
  from?: string;
  to?: string;
  asOf?: string;
  by?: RetentionDimension;
}

export function retentionSearch(search: Record<string, unknown>): RetentionSearch {
  const out: RetentionSearch = {};
  if (isDay(search.from)) out.from = search.from;
  if (isDay(search.to)) out.to = search.to;
  if (isDay(search.asOf)) out.asOf = search.asOf;
  if ((DIMENSIONS as unknown[]).includes(search.by)) out.by = search.by as RetentionDimension;
  return out;
}

/** Defaults: placements of the last 12 months (from the first of the month), as of today. */
export function resolvedPeriod(search: RetentionSearch, now = dayjs()) {
  const to = search.to ?? now.format('YYYY-MM-DD');
  const from = search.from ?? dayjs(to).subtract(11, 'month').startOf('month').format('YYYY-MM-DD');
  const asOf = search.asOf ?? now.format('YYYY-MM-DD');
  return { from: from <= to ? from : to, to, asOf };
}
