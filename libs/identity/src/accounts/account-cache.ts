import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { ChannelListener } from '@saeil/database';
import { Account, AccountRepository } from './account.repository';

/** Where every change to an account row is announced (a trigger: migration 1733710000000). */
export const ACCOUNT_CHANGED_CHANNEL = 'saeil_account_changed';

export interface AccountCacheOptions {
  /** Where to LISTEN; without it nothing is cached (every read goes to the table). */
  databaseUrl?: string;
  logger?: Pick<Logger, 'warn' | 'info'>;
  /** Most accounts held at once. */
  max?: number;
  /** Longest an account is answered from memory without being read again, whatever was heard. */
  ttlMs?: number;
  /** How often the LISTEN connection must answer to be trusted (ChannelListener's heartbeat). */
  heartbeatMs?: number;
  reconnectMs?: number;
}

/** What the guard needs of an account: never its password hash. */
export type CachedAccount = Omit<Account, 'passwordHash'>;

/**
 * The accounts the guard checks at every request (disabled? token version? role, center, region),
 * held in memory only while this process hears every change to them: a trigger on `accounts`
 * announces each changed row on ACCOUNT_CHANGED_CHANNEL when its transaction commits, and the
 * announcement evicts it here. So:
 * - a disable, a reset, a new role or center counts in this process as soon as the announcement
 *   arrives (milliseconds after the commit), not after a TTL;
 * - while the LISTEN connection is down — or stops answering its heartbeat — nothing is answered
 *   from memory: every check reads the table, as before the cache (fails to the database, never
 *   to a stale account); on reconnect the cache starts empty, since announcements may have been
 *   missed meanwhile;
 * - a read that began before an eviction (or a reconnect) does not put back what it read: the
 *   generation it began at must still be current, as in the privacy vault's key cache;
 * - an entry lives at most `ttlMs` (30 s) even if nothing was heard.
 * The one window left: a request that reaches this process after the disabling transaction
 * committed and before its announcement did (the time NOTIFY takes to travel; sent at commit).
 */
export class AccountCache {
  private readonly entries: LRUCache<string, CachedAccount>;
  private readonly listener?: ChannelListener;
  private generation = 0;
  private heard = 0;

  constructor(
    private readonly accounts: Pick<AccountRepository, 'findById'>,
    options: AccountCacheOptions = {},
  ) {
    this.entries = new LRUCache<string, CachedAccount>({ max: options.max ?? 10_000, ttl: options.ttlMs ?? 30_000 });
    if (options.databaseUrl) {
      this.listener = new ChannelListener(
        options.databaseUrl,
        ACCOUNT_CHANGED_CHANNEL,
        {
          message: (accountId) => {
            this.heard++;
            if (accountId === '*') this.clear();
            else this.evict(accountId);
          },
          connected: () => this.clear(),
          disconnected: () => this.clear(),
        },
        {
          applicationName: 'saeil-account-listen',
          whileDown: 'accounts are read from the table at every request',
          logger: options.logger,
          heartbeatMs: options.heartbeatMs ?? 5_000,
          reconnectMs: options.reconnectMs,
        },
      );
    }
  }

  async start(): Promise<this> {
    await this.listener?.start();
    return this;
  }

  async close(): Promise<void> {
    await this.listener?.stop();
    this.clear();
  }

  /** Whether this process hears account changes now (and so answers from memory). */
  get hearsChanges(): boolean {
    return !!this.listener?.listening;
  }

  /** How many account changes this process has heard announced since it started. */
  get changesHeard(): number {
    return this.heard;
  }

  /** How many accounts are answered from memory now (0 while changes cannot be heard). */
  get size(): number {
    return this.hearsChanges ? this.entries.size : 0;
  }

  /** The account as the table has it, from memory when this process would have heard of a change. */
  async findById(accountId: string): Promise<CachedAccount | undefined> {
    if (this.hearsChanges) {
      const cached = this.entries.get(accountId);
      if (cached) return cached;
    }
    const generation = this.generation;
    const account = await this.accounts.findById(accountId);
    if (!account) return undefined;
    const { passwordHash: _passwordHash, ...kept } = account;
    if (this.hearsChanges && generation === this.generation) this.entries.set(accountId, kept);
    return kept;
  }

  /**
   * A change this process has just committed: forgotten at once, without waiting for the
   * announcement to come back (which every other process waits for).
   */
  forget(accountId: string): void {
    this.evict(accountId);
  }

  private evict(accountId: string): void {
    this.generation++;
    this.entries.delete(accountId);
  }

  private clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
