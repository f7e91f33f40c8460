import { LRUCache } from 'lru-cache';

/** What the cache holds for a client: her unwrapped key, or the fact she was erased (that never changes back). */
export type CachedKey =
  { state: 'active'; kid: string; dataKey: Buffer } | { state: 'erased'; kid: string; erasedAt: Date; reason: string };

export interface DataKeyCacheOptions {
  /** Most clients whose keys are held unwrapped at once. */
  max: number;
  /** Longest an unwrapped key stays in memory without being read again from the table. */
  ttlMs: number;
}

/**
 * Unwrapped data keys, bounded (LRU) and short-lived (TTL); evicted keys are zeroed. An erasure
 * anywhere evicts here (PrivacyVault's listener), and raises the generation: a load that started
 * before it must not put back a key read before the erasure committed, so `set` takes the
 * generation the load began at and drops a stale result.
 */
export class DataKeyCache {
  private readonly entries: LRUCache<string, CachedKey>;
  private generation = 0;

  constructor(options: DataKeyCacheOptions) {
    this.entries = new LRUCache<string, CachedKey>({
      max: options.max,
      ttl: options.ttlMs,
      // Only active keys age out: an erasure is permanent, so knowing it longer is harmless.
      ttlAutopurge: false,
      dispose: (entry) => {
        if (entry.state === 'active') entry.dataKey.fill(0);
      },
    });
  }

  get currentGeneration(): number {
    return this.generation;
  }

  get(clientId: string): CachedKey | undefined {
    return this.entries.get(clientId);
  }

  /** Stores a loaded key unless an eviction happened since `loadedAtGeneration`. */
  set(clientId: string, entry: CachedKey, loadedAtGeneration: number): void {
    if (loadedAtGeneration !== this.generation) return;
    // The cache keeps its own copy: the caller's buffer may be zeroed after use.
    const stored: CachedKey = entry.state === 'active' ? { ...entry, dataKey: Buffer.from(entry.dataKey) } : entry;
    this.entries.set(clientId, stored, entry.state === 'erased' ? { ttl: 0 } : undefined);
  }

  evict(clientId: string): void {
    this.generation++;
    this.entries.delete(clientId);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
