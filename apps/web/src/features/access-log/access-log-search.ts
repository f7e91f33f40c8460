/** 접속기록's view in the URL: the month, and the account and action it is narrowed to. */
export interface AccessLogSearch {
  month?: string;
  actor?: string;
  action?: string;
}

export function accessLogSearch(search: Record<string, unknown>): AccessLogSearch {
  const out: AccessLogSearch = {};
  if (typeof search.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(search.month)) out.month = search.month;
  if (typeof search.actor === 'string' && search.actor.length <= 100 && search.actor) out.actor = search.actor;
  if (typeof search.action === 'string' && /^[\w.-]{1,100}$/.test(search.action)) out.action = search.action;
  return out;
}

/**
 * An account's reads are unusual when they are well above the others' of the month: more than
 * three times the median account's and at least 50 (a busy counselor reads her caseload daily).
 */
export function unusualThreshold(counts: number[]): number {
  if (counts.length === 0) return Infinity;
  const sorted = [...counts].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Math.max(50, median * 3);
}
