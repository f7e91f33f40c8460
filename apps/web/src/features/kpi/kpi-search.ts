import { isDay } from '../../components/statistics-terms';

/** 성과지표's view in the URL: which plan, as of which day, at how many decimals. */
export interface KpiSearch {
  planId?: string;
  asOf?: string;
  decimals?: number;
}

export function kpiSearch(search: Record<string, unknown>): KpiSearch {
  const out: KpiSearch = {};
  if (typeof search.planId === 'string' && /^[0-9a-f-]{36}$/i.test(search.planId)) out.planId = search.planId;
  if (isDay(search.asOf)) out.asOf = search.asOf;
  const decimals = Number(search.decimals);
  if (Number.isInteger(decimals) && decimals >= 0 && decimals <= 3 && search.decimals !== undefined)
    out.decimals = decimals;
  return out;
}
