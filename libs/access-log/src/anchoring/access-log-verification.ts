import type { DataSource } from 'typeorm';
import { ServiceUnavailable } from '@saeil/core';
import { ChainedEntry, chainHash, GENESIS_HASH, verifyChain } from '../domain/hash-chain';
import type { AccessLogAnchoring } from './access-log-anchoring';

export type IntegrityProblem =
  /** the row's content no longer hashes to its hash */
  | 'hash'
  /** the row's prev_hash is not the row before's hash */
  | 'link'
  /** rows are missing between two rows */
  | 'gap'
  /** the first row is not the chain's genesis, and no purge removed the rows before it */
  | 'genesis'
  /** the row an anchor names no longer has the anchored hash: rows up to it were rewritten and the chain recomputed */
  | 'anchor'
  /** the table ends before a row an anchor names: rows cut from the end */
  | 'truncated'
  /** fewer rows up to an anchor than it says */
  | 'missing'
  /** an anchor record that does not authenticate with this key */
  | 'unauthentic-anchor';

export const INTEGRITY_PROBLEMS: readonly IntegrityProblem[] = [
  'hash',
  'link',
  'gap',
  'genesis',
  'anchor',
  'truncated',
  'missing',
  'unauthentic-anchor',
];

interface Answer {
  /** Rows of the month checked. */
  rows: number;
  /** The last row an anchor vouches for (null: none yet). Rows after it are checked by the hash chain alone. */
  anchoredThrough: number | null;
  /** Authentic head anchors read (from the Kafka topic or the anchor file). */
  anchors: number;
}

export type AccessLogVerdict =
  | (Answer & { ok: true })
  | (Answer & { ok: false; brokenAt: { seq: number | null; problem: IntegrityProblem }; reason: string });

const COLUMNS = `seq, at, actor_id, actor_kind, actor_center_id, source_address, action, subject_client_id, route, reason, outcome, prev_hash, hash`;
// A month in Korean time, as the supervisor's calendar has it.
const MONTH_START = `(($1 || '-01')::timestamp AT TIME ZONE 'Asia/Seoul')`;
const MONTH_END = `((($1 || '-01')::timestamp + interval '1 month') AT TIME ZONE 'Asia/Seoul')`;

const REASONS: Record<IntegrityProblem, (seq: number | null, detail?: string) => string> = {
  hash: (seq) => `${seq}번 기록의 내용이 해시와 맞지 않습니다: 기록된 뒤 바뀌었습니다.`,
  link: (seq) => `${seq}번 기록이 앞 기록의 해시에 이어지지 않습니다: 앞 기록이 바뀌었거나 바꿔 끼워졌습니다.`,
  gap: (seq) => `${seq}번 기록 앞의 기록이 없습니다: 중간에서 삭제되었습니다.`,
  genesis: (seq, detail) =>
    `접속기록이 체인의 시작에서 시작하지 않습니다 (${seq}번부터 ${detail}): 보존기간 파기가 아닌 삭제입니다.`,
  anchor: (seq, detail) =>
    `${seq}번까지의 기록이 외부에 고정된 해시(${detail})와 맞지 않습니다: 그 이전 기록이 바뀌고 체인이 다시 계산되었습니다.`,
  truncated: (seq, detail) =>
    `외부 고정점은 ${detail}번 기록까지 있다고 하지만 접속기록은 ${seq === null ? '비어 있습니다' : `${seq - 1}번에서 끝납니다`}: 끝부분이 삭제되었습니다.`,
  missing: (seq, detail) => `외부 고정점(${detail})보다 기록이 적습니다: ${seq}번 기록이 없습니다.`,
  'unauthentic-anchor': (_seq, detail) =>
    `고정점 ${detail}개가 인증되지 않습니다 (ACCESS_LOG_MAC_KEY로 만든 것이 아님): 고정점 저장소가 변조되었거나 키가 바뀌었습니다.`,
};

/**
 * The month's rows recomputed link by link (from the row before the month), then the whole table
 * against the anchors published outside the database: the first row must be the chain's genesis
 * (or follow rows the retention purge announced), every anchored row must still carry its
 * anchored hash, and no row up to the last anchor may be missing. The database's owner can
 * rewrite rows and recompute every hash, but not the anchors, nor their MAC without the key.
 */
export async function verifyAccessLog(
  db: DataSource,
  anchoring: AccessLogAnchoring,
  month: string,
): Promise<AccessLogVerdict> {
  const rows = (
    await db.query(`SELECT ${COLUMNS} FROM access_log WHERE at >= ${MONTH_START} AND at < ${MONTH_END} ORDER BY seq`, [
      month,
    ])
  ).map(toEntry);
  const { heads, purgedThrough, unauthentic } = await anchoring.read().catch(() => {
    throw new ServiceUnavailable(
      `접속기록의 외부 고정점(${anchoring.store.where})을 읽을 수 없어 검증할 수 없습니다. 잠시 후 다시 시도하세요.`,
    );
  });
  const answer: Answer = { rows: rows.length, anchoredThrough: heads.at(-1)?.seq ?? null, anchors: heads.length };
  const broken = (seq: number | null, problem: IntegrityProblem, detail?: string): AccessLogVerdict => ({
    ok: false,
    ...answer,
    brokenAt: { seq, problem },
    reason: REASONS[problem](seq, detail),
  });

  if (rows.length > 0) {
    const [before] = await db.query(`SELECT ${COLUMNS} FROM access_log WHERE seq < $1 ORDER BY seq DESC LIMIT 1`, [
      rows[0].seq,
    ]);
    const chained = verifyChain(rows, before ? toEntry(before) : undefined);
    if (!chained.ok) return broken(chained.brokenAt.seq, chained.brokenAt.problem);
  }
  if (unauthentic > 0) return broken(null, 'unauthentic-anchor', String(unauthentic));

  const [firstRow] = await db.query(`SELECT ${COLUMNS} FROM access_log WHERE seq >= 1 ORDER BY seq LIMIT 1`);
  const first = firstRow ? toEntry(firstRow) : undefined;
  if (first && first.seq > purgedThrough + 1)
    return broken(purgedThrough + 1, 'genesis', `${first.seq - 1}번까지 없음`);
  if (first && first.seq === 1 && (first.prevHash !== GENESIS_HASH || chainHash(GENESIS_HASH, first) !== first.hash))
    return broken(1, 'genesis', '첫 기록이 시작 해시에 이어지지 않음');

  const anchored = heads.filter((h) => h.seq > purgedThrough);
  if (anchored.length === 0) return { ok: true, ...answer };
  const [{ last }] = await db.query(`SELECT max(seq) AS last FROM access_log WHERE seq >= 1`);
  const lastSeq = last === null ? null : Number(last);
  const stored = new Map<number, string>(
    (
      await db.query(`SELECT seq, hash FROM access_log WHERE seq = ANY($1::bigint[])`, [anchored.map((h) => h.seq)])
    ).map((r: { seq: string; hash: string }) => [Number(r.seq), r.hash]),
  );
  for (const head of anchored) {
    const hash = stored.get(head.seq);
    if (hash === undefined) {
      if (lastSeq === null || head.seq > lastSeq)
        return broken(lastSeq === null ? null : lastSeq + 1, 'truncated', String(head.seq));
      return broken(head.seq, 'missing', `${head.seq}번, ${head.at}`);
    }
    if (hash !== head.hash) return broken(head.seq, 'anchor', `${head.at}`);
  }
  const latest = anchored[anchored.length - 1];
  const [{ present }] = await db.query(
    `SELECT count(*)::bigint AS present FROM access_log WHERE seq > $1 AND seq <= $2`,
    [purgedThrough, latest.seq],
  );
  if (Number(present) < latest.seq - purgedThrough) {
    const [gap] = await db.query(
      `SELECT s AS missing FROM generate_series($1::bigint, $2::bigint) s WHERE NOT EXISTS (SELECT 1 FROM access_log WHERE seq = s) ORDER BY s LIMIT 1`,
      [purgedThrough + 1, latest.seq],
    );
    return broken(gap ? Number(gap.missing) : null, 'missing', `${latest.seq}번까지 ${latest.seq - purgedThrough}건`);
  }
  return { ok: true, ...answer };
}

export function toEntry(r: Record<string, unknown>): ChainedEntry {
  return {
    seq: Number(r.seq),
    at: (r.at as Date).toISOString(),
    actorId: r.actor_id as string,
    actorKind: r.actor_kind as ChainedEntry['actorKind'],
    actorCenterId: (r.actor_center_id as string | null) ?? null,
    sourceAddress: r.source_address as string,
    action: r.action as string,
    subjectClientId: (r.subject_client_id as string | null) ?? null,
    route: r.route as string,
    reason: (r.reason as string | null) ?? null,
    outcome: (r.outcome as ChainedEntry['outcome']) ?? null,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  };
}
