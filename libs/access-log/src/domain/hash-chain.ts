import { createHash } from 'node:crypto';

/** What one access-log row states: who read or exported whose data, when, from where, how. */
export interface AccessLogEntry {
  seq: number;
  at: string;
  actorId: string;
  actorKind: 'account' | 'header';
  actorCenterId: string | null;
  sourceAddress: string;
  action: string;
  subjectClientId: string | null;
  route: string;
  reason: string | null;
  /**
   * Whether the data was shown (`allowed`) or the read refused (`refused`: 403/404 to an
   * authenticated account). `null` on rows written before outcomes were recorded, all of which
   * were shown reads.
   */
  outcome: AccessOutcome | null;
}

export type AccessOutcome = 'allowed' | 'refused';

export interface ChainedEntry extends AccessLogEntry {
  prevHash: string;
  hash: string;
}

/** The hash before the first row ever written. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The row as the hash sees it: a JSON array in a fixed field order, so the same row always gives
 * the same bytes (object key order and optional-field omission cannot change it). The outcome is
 * the eleventh element on rows that have one; rows written before it existed hash as they were
 * written (ten elements), and a row cannot move between the two forms without its hash changing.
 */
export function canonicalEntry(e: AccessLogEntry): string {
  const fields: unknown[] = [
    e.seq,
    e.at,
    e.actorId,
    e.actorKind,
    e.actorCenterId,
    e.sourceAddress,
    e.action,
    e.subjectClientId,
    e.route,
    e.reason,
  ];
  if (e.outcome !== null) fields.push(e.outcome);
  return JSON.stringify(fields);
}

/** sha256(prev_hash ‖ canonical row), hex. */
export function chainHash(prevHash: string, e: AccessLogEntry): string {
  return createHash('sha256').update(prevHash).update(canonicalEntry(e)).digest('hex');
}

/** Links entries onto a chain whose last hash is `headHash`. */
export function chain(headHash: string, entries: AccessLogEntry[]): ChainedEntry[] {
  let prev = headHash;
  return entries.map((e) => {
    const hash = chainHash(prev, e);
    const linked = { ...e, prevHash: prev, hash };
    prev = hash;
    return linked;
  });
}

export type ChainVerdict =
  { ok: true; rows: number } | { ok: false; rows: number; brokenAt: { seq: number; problem: 'hash' | 'link' | 'gap' } };

/**
 * Checks consecutive rows (ascending seq). `before` is the row just before the first one, when
 * there is one (a month is verified against the end of the previous month); without it the
 * first row's prev_hash is taken as given (rows before it may have been purged after retention).
 * Names the first row whose content no longer matches its hash, whose prev_hash does not match
 * the row before, or whose seq skips (a row deleted from the middle).
 */
export function verifyChain(rows: ChainedEntry[], before?: ChainedEntry): ChainVerdict {
  let previous = before;
  for (const row of rows) {
    if (previous && row.seq !== previous.seq + 1)
      return { ok: false, rows: rows.length, brokenAt: { seq: row.seq, problem: 'gap' } };
    if (previous && row.prevHash !== previous.hash)
      return { ok: false, rows: rows.length, brokenAt: { seq: row.seq, problem: 'link' } };
    if (chainHash(row.prevHash, row) !== row.hash)
      return { ok: false, rows: rows.length, brokenAt: { seq: row.seq, problem: 'hash' } };
    previous = row;
  }
  return { ok: true, rows: rows.length };
}
