/**
 * Set-based SQL for a projection's `applyBatch`: the rows a batch writes to one table go in as
 * one array per column, unnested by PostgreSQL, so a batch costs one statement per table instead
 * of statements per event.
 */
export type Column = readonly [name: string, pgType: string];

/**
 * `SELECT * FROM unnest($1::<type>[], …) AS t(<names>)` over `rows` (one value per column, in
 * the columns' order), with its parameters; `firstParam` numbers the first array.
 */
export function unnestRows(
  columns: readonly Column[],
  rows: readonly unknown[][],
  firstParam = 1,
): { sql: string; params: unknown[][] } {
  const arrays = columns.map((_, i) => rows.map((row) => row[i] ?? null));
  const casts = columns.map(([, type], i) => `$${firstParam + i}::${type}[]`);
  return {
    sql: `SELECT * FROM unnest(${casts.join(', ')}) AS t(${columns.map(([name]) => name).join(', ')})`,
    params: arrays,
  };
}

/**
 * One statement that writes whole rows: inserts the new ones and overwrites every listed column
 * of the existing ones (`key` names the primary key). For rows the batch computed in full,
 * the existing row's values included.
 */
export function upsertRows(
  table: string,
  key: readonly string[],
  columns: readonly Column[],
  rows: readonly unknown[][],
): { sql: string; params: unknown[][] } {
  const select = unnestRows(columns, rows);
  const names = columns.map(([name]) => name);
  const updates = names.filter((n) => !key.includes(n)).map((n) => `${n} = EXCLUDED.${n}`);
  return {
    sql: `INSERT INTO ${table} (${names.join(', ')}) ${select.sql}
          ON CONFLICT (${key.join(', ')}) ${updates.length ? `DO UPDATE SET ${updates.join(', ')}` : 'DO NOTHING'}`,
    params: select.params,
  };
}

/**
 * Orders two instants written as ISO 8601 / PostgreSQL timestamptz text to the microsecond, as
 * `greatest()` on timestamptz would; throws on text it cannot read (the runner then applies the
 * batch event by event, and PostgreSQL judges the value).
 */
export function instantOf(text: string): bigint {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}(?::?\d{2})?)$/.exec(text);
  if (!m) throw new Error(`not an instant this projection can compare in memory: ${text}`);
  const zone =
    m[4] === 'Z'
      ? 'Z'
      : m[4].length === 3
        ? `${m[4]}:00`
        : m[4].includes(':')
          ? m[4]
          : `${m[4].slice(0, 3)}:${m[4].slice(3)}`;
  const ms = Date.parse(`${m[1]}T${m[2]}${zone}`);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${text}`);
  return BigInt(ms) * 1000n + BigInt((m[3] ?? '').padEnd(6, '0'));
}

/** The later of two instants (text), the first when equal; null counts as earlier than any. */
export function laterInstant(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return instantOf(b) > instantOf(a) ? b : a;
}
