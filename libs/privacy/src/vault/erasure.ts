import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { FieldError, ValidationFailed } from '@saeil/core';
import type { SqlRunner } from '../secrets/master-keys';
import { ERASURE_CHANNEL } from './erasure-listener';
import { ERASURE_REASONS, ErasureReason, ErasureRecord } from './personal-data';

interface ErasedRow {
  key_id: string;
  erased_at: Date;
  erasure_reason: ErasureReason;
  erased_by: string;
}

/**
 * Destroys her data key in `q`'s transaction: the wrapped key is overwritten (NULL) and the row
 * kept as the erasure record; a client with no key yet gets an erased row, so that no key is ever
 * issued for her later. Idempotent (a second erasure answers the first record). Announced with
 * pg_notify, so every vault evicts her key when the transaction commits. Needs no master key:
 * destroying a key never unwraps it (a worker without PRIVACY_MASTER_KEY can erase).
 */
export async function destroyDataKey(
  q: SqlRunner,
  clientId: string,
  reason: ErasureReason,
  actor: string,
): Promise<ErasureRecord> {
  // Reached from commands and jobs: bad input is a 400 naming the field, and nothing is erased.
  const invalid: FieldError[] = [];
  if (!ERASURE_REASONS.includes(reason))
    invalid.push({ field: 'reason', code: 'isIn', message: `reason must be one of ${ERASURE_REASONS.join(', ')}` });
  if (typeof actor !== 'string' || actor.trim() === '')
    invalid.push({ field: 'actor', code: 'isNotEmpty', message: 'an erasure must name who ordered it' });
  if (invalid.length) throw new ValidationFailed(invalid);
  const changed: ErasedRow[] = await q.query(
    `INSERT INTO keystore.privacy_data_keys AS k (client_id, key_id, erased_at, erasure_reason, erased_by)
     VALUES ($1, $2, now(), $3, $4)
     ON CONFLICT (client_id) DO UPDATE
       SET wrapped_key = NULL, master_key_id = NULL, erased_at = now(), erasure_reason = EXCLUDED.erasure_reason, erased_by = EXCLUDED.erased_by
       WHERE k.erased_at IS NULL
     RETURNING key_id, erased_at, erasure_reason, erased_by`,
    [clientId, randomUUID(), reason, actor],
  );
  if (changed.length) await q.query(`SELECT pg_notify($1, $2)`, [ERASURE_CHANNEL, clientId]);
  const row =
    changed[0] ??
    (
      (await q.query(
        `SELECT key_id, erased_at, erasure_reason, erased_by FROM keystore.privacy_data_keys WHERE client_id = $1`,
        [clientId],
      )) as ErasedRow[]
    )[0];
  return {
    clientId,
    keyId: row.key_id,
    erasedAt: row.erased_at,
    reason: row.erasure_reason,
    erasedBy: row.erased_by,
    alreadyErased: changed.length === 0,
  };
}

/**
 * UPDATE leaves the old row version (with the wrapped key) on disk until vacuumed; a dump never
 * shows it, but the data files would. Best effort: an older transaction still running keeps it.
 */
export async function vacuumDataKeys(
  dataSource: Pick<DataSource, 'query'>,
  logger?: Pick<Logger, 'warn'>,
): Promise<void> {
  await dataSource
    .query(`VACUUM keystore.privacy_data_keys`)
    .catch((error) =>
      logger?.warn(
        { err: error },
        'privacy: VACUUM of keystore.privacy_data_keys failed; old key versions stay on disk until autovacuum',
      ),
    );
}

/** What erasing her needs: destroy her key in a transaction, then clean up once it committed. */
export interface DataKeyEraser {
  eraseClient(clientId: string, reason: ErasureReason, actor: string, tx: SqlRunner): Promise<ErasureRecord>;
  afterErasureCommitted(clientId: string): Promise<void>;
}

/**
 * The eraser of a process that holds no vault (the worker's retention job): it cannot seal or open
 * anything, only destroy keys. The vaults of the api processes hear the erasure through NOTIFY.
 */
export function keylessEraser(dataSource: Pick<DataSource, 'query'>, logger?: Pick<Logger, 'warn'>): DataKeyEraser {
  return {
    eraseClient: (clientId, reason, actor, tx) => destroyDataKey(tx, clientId, reason, actor),
    afterErasureCommitted: () => vacuumDataKeys(dataSource, logger),
  };
}
