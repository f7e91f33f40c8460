import { createHash } from 'node:crypto';

/**
 * A small seeded PRNG (SplitMix32-style mixing of a 32-bit state, as in mulberry32): every value
 * of the synthetic data set is a function of (seed, what it is for, index), so a rerun or a resumed
 * run makes exactly the same cases, whatever the batch boundaries were.
 */
export class Random {
  private state: number;
  private readonly key: string;
  private ids = 0;

  constructor(...parts: (number | string)[]) {
    this.state = hashParts(parts);
    this.key = parts.join('\u0000');
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of items) {
      r -= weight;
      if (r < 0) return value;
    }
    return items[items.length - 1][0];
  }

  /**
   * A version-4-shaped UUID, deterministic for (parts, how many ids this generator gave before).
   * From SHA-256, not from the 32-bit state: millions of ids drawn from 32-bit states collide
   * (birthday bound), and an id must never repeat.
   */
  uuid(): string {
    const hex = createHash('sha256').update(`${this.key}\u0000${this.ids++}`).digest('hex').slice(0, 32).split('');
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

function hashParts(parts: (number | string)[]): number {
  // FNV-1a over the parts' text: different purposes get unrelated streams.
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
