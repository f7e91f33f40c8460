import { closedLoop, LoadResult } from '../support/load';
import { HttpClient } from '../support/http';

export interface QueryFigure {
  name: string;
  path: string;
  /** Absent when not measured, with the reason. */
  result?: LoadResult;
  notMeasured?: string;
  rows?: number;
}

/**
 * Dashboard and statistics reads at national scale, each by 4 callers for `seconds`. A route that
 * answers 404 (module not wired in this build) is reported as not measured, never as a figure.
 */
export async function measureQueries(http: HttpClient, queries: { name: string; path: (n: number) => string }[], seconds: number): Promise<QueryFigure[]> {
  const figures: QueryFigure[] = [];
  for (const q of queries) {
    const probe = await http.request('GET', q.path(0));
    if (probe.status !== 200) {
      figures.push({ name: q.name, path: q.path(0), notMeasured: `GET answered ${probe.status}${probe.status === 404 ? ': statistics module not wired' : `: ${JSON.stringify(probe.body).slice(0, 200)}`}` });
      continue;
    }
    let n = 0;
    const result = await closedLoop(4, seconds, async () => {
      const res = await http.request('GET', q.path(n++));
      return res.status === 200 ? undefined : String(res.status);
    });
    const rows = Array.isArray(probe.body?.items) ? probe.body.items.length : Array.isArray(probe.body?.rows) ? probe.body.rows.length : undefined;
    figures.push({ name: q.name, path: q.path(0), result, rows });
  }
  return figures;
}
