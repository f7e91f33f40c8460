import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A head checkpoint of the 접속기록, published outside the database: the chain's last row (seq,
 * hash), how many rows the table held through it, and when. Verification compares the table
 * against every one of them, so a chain rewritten and recomputed, or cut short, no longer matches.
 */
export interface HeadAnchor {
  v: 1;
  kind: 'head';
  seq: number;
  hash: string;
  rows: number;
  at: string;
  mac: string;
}

/** Written before the retention purge deletes rows 1…through: rows missing at the start up to it are expected. */
export interface PurgeAnchor {
  v: 1;
  kind: 'purge';
  through: number;
  removed: number;
  at: string;
  mac: string;
}

export type Anchor = HeadAnchor | PurgeAnchor;
export type UnsignedAnchor = Omit<HeadAnchor, 'mac'> | Omit<PurgeAnchor, 'mac'>;

/** The anchor as the MAC sees it: a JSON array in a fixed order. */
function macInput(a: UnsignedAnchor): string {
  return JSON.stringify(
    a.kind === 'head' ? [a.v, a.kind, a.seq, a.hash, a.rows, a.at] : [a.v, a.kind, a.through, a.removed, a.at],
  );
}

function macOf(a: UnsignedAnchor, key: Buffer): string {
  return createHmac('sha256', key).update(macInput(a)).digest('hex');
}

/** HMAC-SHA256 over the anchor with the key kept outside the database (ACCESS_LOG_MAC_KEY). */
export function signAnchor(a: UnsignedAnchor, key: Buffer): Anchor {
  return { ...a, mac: macOf(a, key) } as Anchor;
}

/** The anchor a stored record states, if it is well-formed and its MAC is this key's; otherwise undefined. */
export function authenticAnchor(raw: unknown, key: Buffer): Anchor | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  let unsigned: UnsignedAnchor;
  if (
    r.v === 1 &&
    r.kind === 'head' &&
    count(r.seq) &&
    typeof r.hash === 'string' &&
    count(r.rows) &&
    typeof r.at === 'string'
  ) {
    unsigned = { v: 1, kind: 'head', seq: r.seq as number, hash: r.hash, rows: r.rows as number, at: r.at };
  } else if (r.v === 1 && r.kind === 'purge' && count(r.through) && count(r.removed) && typeof r.at === 'string') {
    unsigned = { v: 1, kind: 'purge', through: r.through as number, removed: r.removed as number, at: r.at };
  } else {
    return undefined;
  }
  if (typeof r.mac !== 'string' || !/^[0-9a-f]{64}$/.test(r.mac)) return undefined;
  const expected = Buffer.from(macOf(unsigned, key), 'hex');
  return timingSafeEqual(expected, Buffer.from(r.mac, 'hex')) ? ({ ...unsigned, mac: r.mac } as Anchor) : undefined;
}
