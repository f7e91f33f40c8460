import { METRICS, type MetricKey } from './figures';

export interface MinistrySearch {
  period?: string;
  metric?: MetricKey;
  region?: string;
  center?: string;
  kind?: 'month' | 'quarter';
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

/** The dashboard's place in the URL (period, indicator, drill-down), so a link shows what she saw. */
export function ministrySearch(search: Record<string, unknown>): MinistrySearch {
  const out: MinistrySearch = {};
  if (typeof search.period === 'string' && PERIOD.test(search.period)) out.period = search.period;
  if (typeof search.metric === 'string' && METRICS.some((m) => m.key === search.metric))
    out.metric = search.metric as MetricKey;
  if (typeof search.region === 'string' && search.region.length <= 20) out.region = search.region;
  if (typeof search.center === 'string' && /^[\w-]{1,64}$/.test(search.center)) out.center = search.center;
  if (search.kind === 'month' || search.kind === 'quarter') out.kind = search.kind;
  return out;
}
