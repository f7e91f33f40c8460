/**
 * Query parameters whose value is a person's name or phone (the caseload search `q`). Whatever
 * keeps a URL — the access log (two years, append-only, outliving her erasure) and the request
 * log — records that a search was made, never what was searched.
 */
export const PERSONAL_QUERY_PARAMETERS = ['q'] as const;

/** The URL with the values of PERSONAL_QUERY_PARAMETERS replaced by `(redacted)`. */
export function redactPersonalQuery(url: string): string {
  let redacted = url;
  for (const name of PERSONAL_QUERY_PARAMETERS)
    redacted = redacted.replace(new RegExp(`([?&]${name}=)[^&#]*`, 'g'), '$1(redacted)');
  return redacted;
}

/** A parsed query object with the same values redacted (for loggers that print `req.query`). */
export function redactPersonalQueryObject<T extends Record<string, unknown> | undefined>(query: T): T {
  if (!query) return query;
  const copy: Record<string, unknown> = { ...query };
  for (const name of PERSONAL_QUERY_PARAMETERS) if (name in copy) copy[name] = '(redacted)';
  return copy as T;
}
