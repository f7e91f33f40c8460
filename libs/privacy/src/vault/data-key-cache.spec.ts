import { randomBytes } from 'node:crypto';
import { DataKeyCache } from './data-key-cache';

const active = (kid: string) => ({ state: 'active' as const, kid, dataKey: randomBytes(32) });

describe('the unwrapped-key cache', () => {
  it('keeps its own copy of a key, and zeroes it when the key is evicted', () => {
    const cache = new DataKeyCache({ max: 10, ttlMs: 60_000 });
    const loaded = active('k1');
    cache.set('client-1', loaded, cache.currentGeneration);
    const held = cache.get('client-1');
    expect(held?.state === 'active' && held.dataKey.equals(loaded.dataKey)).toBe(true);
    loaded.dataKey.fill(0);
    expect(held?.state === 'active' && held.dataKey.equals(Buffer.alloc(32))).toBe(false);

    cache.evict('client-1');
    expect(cache.get('client-1')).toBeUndefined();
    expect(held?.state === 'active' && held.dataKey.equals(Buffer.alloc(32))).toBe(true);
  });

  it('drops a key loaded before an erasure was heard, so an erased key is never put back', () => {
    const cache = new DataKeyCache({ max: 10, ttlMs: 60_000 });
    const generationAtLoad = cache.currentGeneration;
    cache.evict('client-1'); // the erasure announcement arrives while the load is in flight
    cache.set('client-1', active('k1'), generationAtLoad);
    expect(cache.get('client-1')).toBeUndefined();
  });

  it('holds at most `max` clients, forgetting the least recently used', () => {
    const cache = new DataKeyCache({ max: 2, ttlMs: 60_000 });
    cache.set('a', active('ka'), cache.currentGeneration);
    cache.set('b', active('kb'), cache.currentGeneration);
    cache.get('a');
    cache.set('c', active('kc'), cache.currentGeneration);
    expect([cache.get('a')?.kid, cache.get('b')?.kid, cache.get('c')?.kid]).toEqual(['ka', undefined, 'kc']);
    expect(cache.size).toBe(2);
  });

  it('forgets an active key after its TTL but remembers an erasure', async () => {
    const cache = new DataKeyCache({ max: 10, ttlMs: 30 });
    cache.set('a', active('ka'), cache.currentGeneration);
    cache.set(
      'b',
      { state: 'erased', kid: 'kb', erasedAt: new Date('2026-11-01T00:00:00Z'), reason: 'client_request' },
      cache.currentGeneration,
    );
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual({
      state: 'erased',
      kid: 'kb',
      erasedAt: new Date('2026-11-01T00:00:00Z'),
      reason: 'client_request',
    });
  });
});
