import { closedLoop, LoadResult } from '../support/load';
import { HttpClient } from '../support/http';
import { BenchAccounts } from '../support/accounts';
import type { Caller } from '../../tests/support/auth';

export interface QueryFigure {
  name: string;
  path: string;
  /** Absent when not measured, with the reason. */
  result?: LoadResult;
  notMeasured?: string;
  rows?: number;
}

/** A read, and who makes its n-th call: someone whose center, region or nation it reads. */
export interface BenchQuery {
  name: string;
  path: (n: number) => string;
  caller: (n: number) => Caller;
  /** Every caller it may use, logged in before it is measured. */
  callers: Caller[];
}

/**
 * Dashboard and statistics reads at national scale, each by 4 callers for `seconds`. A route that
 * answers 404 (module not wired in this build) is reported as not measured, never as a figure.
 */
export async function measureQueries(
  http: HttpClient,
  accounts: BenchAccounts,
  queries: BenchQuery[],
  seconds: number,
): Promise<QueryFigure[]> {
  const figures: QueryFigure[] = [];
  for (const q of queries) {
    await accounts.ready(q.callers);
    const probe = await http.request('GET', q.path(0), undefined, accounts.of(q.caller(0)));
    if (probe.status !== 200) {
      figures.push({
        name: q.name,
        path: q.path(0),
        notMeasured: `GET answered ${probe.status}${probe.status === 404 ? ': statistics module not wired' : `: ${JSON.stringify(probe.body).slice(0, 200)}`}`,
      });
      continue;
    }
    let n = 0;
    const result = await closedLoop(4, seconds, async () => {
      const i = n++;
      const res = await http.request('GET', q.path(i), undefined, accounts.of(q.caller(i)));
      return res.status === 200 ? undefined : String(res.status);
    });
    const rows = Array.isArray(probe.body?.items)
      ? probe.body.items.length
      : Array.isArray(probe.body?.rows)
        ? probe.body.rows.length
        : undefined;
    figures.push({ name: q.name, path: q.path(0), result, rows });
  }
  return figures;
}
