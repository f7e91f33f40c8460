import { Checkpoint, START } from './types';

interface Queryable {
  query(text: string, params?: unknown[]): Promise<any>;
}

/** Followers' positions in commit order, kept in the `checkpoints` table. */
export async function readCheckpoint(db: Queryable, name: string, forUpdate = false): Promise<Checkpoint> {
  const rows: { transaction_id: string; global_position: string }[] = await db.query(
    `SELECT transaction_id::text AS transaction_id, global_position FROM checkpoints WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [name],
  );
  return rows[0] ? { transactionId: rows[0].transaction_id, globalPosition: Number(rows[0].global_position) } : START;
}

export async function writeCheckpoint(db: Queryable, name: string, checkpoint: Checkpoint): Promise<void> {
  await db.query(
    `INSERT INTO checkpoints (name, transaction_id, global_position, updated_at) VALUES ($1, $2::xid8, $3, now())
     ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`,
    [name, checkpoint.transactionId, checkpoint.globalPosition],
  );
}

/** Events committed after a checkpoint (exact, and cheap while the lag is small: an index range). */
export async function eventsAfter(db: Queryable, checkpoint: Checkpoint): Promise<number> {
  const [{ n }] = await db.query(
    `SELECT count(*)::bigint AS n FROM events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
    [checkpoint.transactionId, checkpoint.globalPosition],
  );
  return Number(n);
}
