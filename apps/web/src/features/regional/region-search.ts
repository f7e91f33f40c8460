import { isDay } from '../../components/statistics-terms';

/** The region's view in the URL: the placement period and the as-of day (as 고용유지). */
export interface RegionSearch {
  from?: string;
  to?: string;
  asOf?: string;
}

export function regionSearch(search: Record<string, unknown>): RegionSearch {
  const out: RegionSearch = {};
  if (isDay(search.from)) out.from = search.from;
  if (isDay(search.to)) out.to = search.to;
  if (isDay(search.asOf)) out.asOf = search.asOf;
  return out;
}
