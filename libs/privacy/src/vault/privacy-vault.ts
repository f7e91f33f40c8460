import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { openWithKey, parseEnvelope, Sealed, sealWithKey } from '../crypto/envelope';
import { newDataKey, rewrapDataKey, unwrapDataKey, WrappedDataKey, wrapDataKey } from '../crypto/key-wrapping';
import { MasterKeyring } from '../crypto/master-keyring';
import { PersonalDataErasedRule, PersonalDataUnreadable } from '../errors';
import type { SqlRunner } from '../secrets/master-keys';
import { CachedKey, DataKeyCache, DataKeyCacheOptions } from './data-key-cache';
import { ErasureListener } from './erasure-listener';
import { destroyDataKey, vacuumDataKeys } from './erasure';
import { ErasedPersonalData, ErasureReason, ErasureRecord, PersonalDataResult, RewrapReport } from './personal-data';

export interface PrivacyVaultOptions {
  dataSource: DataSource;
  keyring: MasterKeyring;
  /**
   * Where to LISTEN for erasures made by other processes. Without it the vault never caches a
   * key (every open reads the table), since it could not hear of an erasure elsewhere.
   */
  databaseUrl?: string;
  cache?: Partial<DataKeyCacheOptions>;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

interface KeyRow {
  client_id: string;
  key_id: string;
  master_key_id: string | null;
  wrapped_key: Buffer | null;
  erased_at: Date | null;
  erasure_reason: ErasureReason | null;
  erased_by: string | null;
}

const KEY_COLUMNS = 'client_id, key_id, master_key_id, wrapped_key, erased_at, erasure_reason, erased_by';
export const DEFAULT_KEY_CACHE: DataKeyCacheOptions = { max: 10_000, ttlMs: 60_000 };

/**
 * Personal data of each client sealed with her own data key (AES-256-GCM), each data key wrapped
 * by the master key; destroying her key (eraseClient) makes every copy of what was sealed for her
 * unreadable — in events, on Kafka, in exports — without touching them (crypto-shredding).
 *
 * Unwrapped keys are cached (bounded LRU, short TTL) only while this process hears erasures: an
 * erasure is announced with pg_notify in its own transaction, so every vault listening evicts the
 * key as soon as it commits; while the LISTEN connection is down the cache is not used at all,
 * and on reconnect it is emptied (announcements may have been missed meanwhile).
 */
export class PrivacyVault {
  private readonly cache: DataKeyCache;
  private readonly listener?: ErasureListener;
  private readonly dataSource: DataSource;
  private readonly keyring: MasterKeyring;
  private readonly logger?: Pick<Logger, 'warn' | 'info'>;

  constructor(options: PrivacyVaultOptions) {
    this.dataSource = options.dataSource;
    this.keyring = options.keyring;
    this.logger = options.logger;
    this.cache = new DataKeyCache({ ...DEFAULT_KEY_CACHE, ...options.cache });
    if (options.databaseUrl) {
      this.listener = new ErasureListener(
        options.databaseUrl,
        {
          erased: (clientId) => this.cache.evict(clientId),
          connected: () => this.cache.clear(),
          disconnected: () => this.cache.clear(),
        },
        options.logger,
      );
    }
  }

  async start(): Promise<this> {
    await this.listener?.start();
    return this;
  }

  async close(): Promise<void> {
    await this.listener?.stop();
    this.cache.clear();
  }

  /** Whether this vault hears erasures made elsewhere now (and so may use its cache). */
  get hearsErasures(): boolean {
    return !!this.listener?.listening;
  }

  /** How many clients' keys (or erasures) this process holds in memory now; 0 while it cannot hear erasures. */
  get cachedClients(): number {
    return this.listener?.listening ? this.cache.size : 0;
  }

  /** The id of the master key new data keys are wrapped with (logged at start, shown by the re-wrap). */
  get currentMasterKeyId(): string {
    return this.keyring.current.id;
  }

  /**
   * Her data key, created if she has none, inside the caller's transaction (e.g. the one that
   * appends her registration): if it rolls back, the key was never issued. Refused for a client
   * whose key was destroyed (PERSONAL_DATA_ERASED, 422).
   */
  async ensureKey(clientId: string, tx: SqlRunner): Promise<{ keyId: string; created: boolean }> {
    const { row, created } = await this.ensureRow(clientId, tx);
    return { keyId: row.key_id, created };
  }

  /**
   * Seals her personal fields into one envelope string. With `tx`, her key is read or created in
   * that transaction (and not cached, as it may yet roll back); without it, a missing key is
   * created on its own (an unused key is harmless if the caller's write then fails).
   */
  async sealFields<T extends object>(clientId: string, fields: T, tx?: SqlRunner): Promise<Sealed<T>> {
    if (!tx) {
      const cached = this.cachedKey(clientId);
      if (cached?.state === 'active') return sealWithKey(cached.dataKey, cached.kid, clientId, fields);
      if (cached?.state === 'erased') throw new PersonalDataErasedRule(clientId);
    }
    const generation = this.cache.currentGeneration;
    const { row } = await this.ensureRow(clientId, tx ?? this.dataSource);
    const dataKey = unwrapDataKey(this.keyring, toWrapped(row));
    try {
      if (!tx) this.remember(clientId, { state: 'active', kid: row.key_id, dataKey }, generation);
      return sealWithKey(dataKey, row.key_id, clientId, fields);
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * Seals the fields of many clients inside the caller's transaction, issuing the missing keys in
   * one statement (bulk imports and the synthetic seed: thousands of registrations per
   * transaction). Refused as a whole (PERSONAL_DATA_ERASED) if any of them was erased.
   */
  async sealEach<T extends object>(items: { clientId: string; fields: T }[], tx: SqlRunner): Promise<Sealed<T>[]> {
    if (items.length === 0) return [];
    const clientIds = [...new Set(items.map((i) => i.clientId))];
    const fresh = new Map<string, { kid: string; wrapped: WrappedDataKey }>();
    for (const clientId of clientIds) {
      const kid = randomUUID();
      const dataKey = newDataKey();
      fresh.set(clientId, { kid, wrapped: wrapDataKey(this.keyring, clientId, kid, dataKey) });
      dataKey.fill(0);
    }
    await tx.query(
      `INSERT INTO keystore.privacy_data_keys (client_id, key_id, master_key_id, wrapped_key)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::bytea[]) ON CONFLICT (client_id) DO NOTHING`,
      [
        clientIds,
        clientIds.map((c) => fresh.get(c)!.kid),
        clientIds.map((c) => fresh.get(c)!.wrapped.masterKeyId),
        clientIds.map((c) => fresh.get(c)!.wrapped.wrapped),
      ],
    );
    const rows: KeyRow[] = await tx.query(
      `SELECT ${KEY_COLUMNS} FROM keystore.privacy_data_keys WHERE client_id = ANY($1::text[])`,
      [clientIds],
    );
    const keys = new Map<string, { kid: string; dataKey: Buffer }>();
    try {
      for (const row of rows) {
        if (row.erased_at) throw new PersonalDataErasedRule(row.client_id);
        keys.set(row.client_id, { kid: row.key_id, dataKey: unwrapDataKey(this.keyring, toWrapped(row)) });
      }
      return items.map(({ clientId, fields }) => {
        const key = keys.get(clientId)!;
        return sealWithKey(key.dataKey, key.kid, clientId, fields);
      });
    } finally {
      for (const key of keys.values()) key.dataKey.fill(0);
    }
  }

  /**
   * Opens what was sealed for her: the fields, or ErasedPersonalData when her key was destroyed.
   * Throws PersonalDataUnreadable only for an integrity or configuration fault (a changed
   * envelope, an envelope of another client, a master key not configured).
   */
  async openFields<T extends object>(
    clientId: string,
    sealed: Sealed<T> | string,
    tx?: SqlRunner,
  ): Promise<PersonalDataResult<T>> {
    const parts = parseEnvelope(sealed);
    const cached = tx ? undefined : this.cachedKey(clientId);
    const key = cached ?? (await this.loadKey(clientId, tx));
    try {
      if (key.state === 'erased') return erased(clientId, key);
      if (key.kid !== parts.kid) {
        throw new PersonalDataUnreadable(
          'ENVELOPE_KEY_MISMATCH',
          `sealed value names data key ${parts.kid}, but client ${clientId} has key ${key.kid}`,
        );
      }
      return { status: 'open', fields: openWithKey<T>(key.dataKey, clientId, parts) };
    } finally {
      // A key just loaded was copied into the cache (if cached at all): this copy is done with.
      if (!cached && key.state === 'active') key.dataKey.fill(0);
    }
  }

  /**
   * Loads, with one query, the keys of those of these clients whose key is not cached yet, so that
   * the opens that follow (a page of a list: one envelope per row) find them in the cache instead
   * of each reading its own key. Only while the vault hears erasures (the cache is used then
   * only); otherwise it does nothing and each open reads its key as before.
   */
  async preloadKeys(clientIds: string[]): Promise<void> {
    if (!this.listener?.listening) return;
    const missing = [...new Set(clientIds)].filter((clientId) => this.cache.get(clientId) === undefined);
    if (missing.length === 0) return;
    const generation = this.cache.currentGeneration;
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT ${KEY_COLUMNS} FROM keystore.privacy_data_keys WHERE client_id = ANY($1::text[])`,
      [missing],
    );
    for (const row of rows) {
      if (row.erased_at) {
        this.remember(
          row.client_id,
          { state: 'erased', kid: row.key_id, erasedAt: row.erased_at, reason: row.erasure_reason! },
          generation,
        );
        continue;
      }
      const dataKey = unwrapDataKey(this.keyring, toWrapped(row));
      this.remember(row.client_id, { state: 'active', kid: row.key_id, dataKey }, generation);
      dataKey.fill(0); // the cache keeps its own copy
    }
  }

  /**
   * Destroys her data key: the wrapped key is overwritten (NULL) and the row kept as the erasure
   * record (when, why, by whom). Idempotent: erasing her again changes nothing and answers the
   * first record. With `tx` it joins the caller's transaction (e.g. with the event that records
   * the erasure); other processes hear of it when that commits.
   */
  async eraseClient(clientId: string, reason: ErasureReason, actor: string, tx?: SqlRunner): Promise<ErasureRecord> {
    const record = tx
      ? await destroyDataKey(tx, clientId, reason, actor)
      : await this.dataSource.transaction((manager) => destroyDataKey(manager, clientId, reason, actor));
    this.cache.evict(clientId);
    if (!tx && !record.alreadyErased) await this.vacuumKeys();
    return record;
  }

  /**
   * After an erasure made in the caller's transaction (`eraseClient(…, tx)`) has committed: drops
   * the old row version that still holds her wrapped key (best effort, see vacuumKeys).
   */
  async afterErasureCommitted(clientId: string): Promise<void> {
    this.cache.evict(clientId);
    await this.vacuumKeys();
  }

  /**
   * Master-key rotation: re-wraps every data key not under the current master key, in batches
   * (rows locked, others skipped, so it can run beside the system and be run again). Events are
   * not touched: envelopes name the data key, which does not change.
   */
  async rewrapDataKeys(batchSize = 200): Promise<RewrapReport> {
    const current = this.keyring.current.id;
    const skipped: RewrapReport['skipped'] = [];
    let rewrapped = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const rows: KeyRow[] = await manager.query(
          `SELECT ${KEY_COLUMNS} FROM keystore.privacy_data_keys
           WHERE wrapped_key IS NOT NULL AND master_key_id <> $1 AND NOT (client_id = ANY($2::text[]))
           ORDER BY client_id LIMIT $3 FOR UPDATE SKIP LOCKED`,
          [current, skipped.map((s) => s.clientId), batchSize],
        );
        for (const row of rows) {
          let next: WrappedDataKey;
          try {
            next = rewrapDataKey(this.keyring, toWrapped(row));
          } catch (error) {
            if (!(error instanceof PersonalDataUnreadable)) throw error;
            skipped.push({ clientId: row.client_id, masterKeyId: row.master_key_id!, code: error.code });
            continue;
          }
          await manager.query(
            `UPDATE keystore.privacy_data_keys SET master_key_id = $2, wrapped_key = $3, rewrapped_at = now() WHERE client_id = $1 AND wrapped_key IS NOT NULL`,
            [row.client_id, next.masterKeyId, next.wrapped],
          );
          rewrapped++;
        }
        return rows.length === 0;
      });
      if (done) break;
    }
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM keystore.privacy_data_keys WHERE wrapped_key IS NOT NULL AND master_key_id <> $1`,
      [current],
    );
    if (rewrapped) await this.vacuumKeys();
    return { rewrapped, skipped, remaining: n };
  }

  /**
   * UPDATE leaves the old row version (with the wrapped key) on disk until vacuumed; a dump never
   * shows it, but the data files would. Best effort: an older transaction still running keeps it.
   */
  private async vacuumKeys(): Promise<void> {
    await vacuumDataKeys(this.dataSource, this.logger);
  }

  private cachedKey(clientId: string): CachedKey | undefined {
    return this.listener?.listening ? this.cache.get(clientId) : undefined;
  }

  private remember(clientId: string, entry: CachedKey, generation: number): void {
    if (this.listener?.listening) this.cache.set(clientId, entry, generation);
  }

  /** Her key as committed (or as seen in `tx`); never cached from inside a caller's transaction. */
  private async loadKey(clientId: string, tx?: SqlRunner): Promise<CachedKey> {
    const generation = this.cache.currentGeneration;
    const row = await this.selectRow(clientId, tx ?? this.dataSource);
    if (!row)
      throw new PersonalDataUnreadable('DATA_KEY_MISSING', `client ${clientId} has no data key and no erasure record`);
    const entry: CachedKey = row.erased_at
      ? { state: 'erased', kid: row.key_id, erasedAt: row.erased_at, reason: row.erasure_reason! }
      : { state: 'active', kid: row.key_id, dataKey: unwrapDataKey(this.keyring, toWrapped(row)) };
    if (!tx) this.remember(clientId, entry, generation);
    return entry;
  }

  private async ensureRow(clientId: string, q: SqlRunner): Promise<{ row: KeyRow; created: boolean }> {
    let row = await this.selectRow(clientId, q);
    let created = false;
    if (!row) {
      const kid = randomUUID();
      const dataKey = newDataKey();
      const wrapped = wrapDataKey(this.keyring, clientId, kid, dataKey);
      dataKey.fill(0);
      // Two writers issuing her first key at once: the second waits for the first and keeps its key.
      const inserted: KeyRow[] = await q.query(
        `INSERT INTO keystore.privacy_data_keys (client_id, key_id, master_key_id, wrapped_key) VALUES ($1, $2, $3, $4)
         ON CONFLICT (client_id) DO NOTHING RETURNING ${KEY_COLUMNS}`,
        [clientId, kid, wrapped.masterKeyId, wrapped.wrapped],
      );
      created = inserted.length > 0;
      row = inserted[0] ?? (await this.selectRow(clientId, q))!;
    }
    if (row.erased_at) throw new PersonalDataErasedRule(clientId);
    return { row, created };
  }

  private async selectRow(clientId: string, q: SqlRunner): Promise<KeyRow | undefined> {
    const rows: KeyRow[] = await q.query(`SELECT ${KEY_COLUMNS} FROM keystore.privacy_data_keys WHERE client_id = $1`, [
      clientId,
    ]);
    return rows[0];
  }
}

function toWrapped(row: KeyRow): WrappedDataKey {
  return { clientId: row.client_id, kid: row.key_id, masterKeyId: row.master_key_id!, wrapped: row.wrapped_key! };
}

function erased(clientId: string, key: Extract<CachedKey, { state: 'erased' }>): ErasedPersonalData {
  return { status: 'erased', clientId, erasedAt: key.erasedAt, reason: key.reason as ErasureReason };
}
