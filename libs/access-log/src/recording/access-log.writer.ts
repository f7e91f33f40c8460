import { DataSource } from 'typeorm';
import { AccessLogEntry, AccessOutcome, chain } from '../domain/hash-chain';

export type NewAccessLogEntry = Omit<AccessLogEntry, 'seq' | 'at' | 'outcome'> & { outcome: AccessOutcome };

/**
 * Appends rows to the chain in one transaction: the head row is locked FOR UPDATE, so two
 * appends never link onto the same previous hash; `at` is taken under the lock, so it rises
 * with seq.
 */
export async function appendAccessLog(dataSource: DataSource, entries: NewAccessLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await dataSource.transaction(async (m) => {
    const [head] = await m.query(`SELECT seq, hash FROM access_log_head FOR UPDATE`);
    const at = new Date().toISOString();
    const first = Number(head.seq) + 1;
    const rows = chain(
      head.hash,
      entries.map((e, i) => ({ ...e, seq: first + i, at })),
    );
    const params: unknown[] = [];
    const values = rows.map((r) => {
      const base = params.length;
      params.push(
        r.seq,
        r.at,
        r.actorId,
        r.actorKind,
        r.actorCenterId,
        r.sourceAddress,
        r.action,
        r.subjectClientId,
        r.route,
        r.reason,
        r.outcome,
        r.prevHash,
        r.hash,
      );
      return `(${Array.from({ length: 13 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
    });
    await m.query(
      `INSERT INTO access_log (seq, at, actor_id, actor_kind, actor_center_id, source_address, action, subject_client_id, route, reason, outcome, prev_hash, hash)
       VALUES ${values.join(', ')}`,
      params,
    );
    const last = rows[rows.length - 1];
    await m.query(`UPDATE access_log_head SET seq = $1, hash = $2`, [last.seq, last.hash]);
  });
}
