import { AsyncLocalStorage } from 'node:async_hooks';
import type { StoredEvent } from './types';

/**
 * Streams already read for this command before its handler ran — the HTTP guard reads the stream
 * of each record a command route names to find its center, and hands the history on so the
 * handler's own read of that stream (`loadCase`, `handleCommand`) is not a second round trip.
 *
 * - Each history is taken once: the first `readStream(id)` inside the scope gets it, any later
 *   read goes to the table (a retry after a conflict must read the stream as it is now).
 * - An append to a stream drops its history: nothing reads back a stream older than its own write.
 * - It changes nothing about concurrency: the handler decides on a history a few milliseconds
 *   older than the one it would have read, and the append still refuses it (409) if the stream
 *   moved since — the same as if another command had committed between its read and its append.
 * Outside a scope (the Kafka command door, workers, queries) nothing is kept and nothing changes.
 */
export class PrefetchedStreams {
  private readonly histories = new Map<string, StoredEvent[]>();

  /** The streams prefetched for this request (an HTTP request object), made on first call. */
  static for(request: object): PrefetchedStreams {
    let streams = byRequest.get(request);
    if (!streams) byRequest.set(request, (streams = new PrefetchedStreams()));
    return streams;
  }

  /** The streams prefetched for this request, if its guard made any. */
  static of(request: object): PrefetchedStreams | undefined {
    return byRequest.get(request);
  }

  /** Keeps a stream's whole history (read from version 1) for the command's own read. */
  offer(streamId: string, history: StoredEvent[]): void {
    this.histories.set(streamId, history);
  }

  /** The history kept for this stream, once; undefined when none was. */
  take(streamId: string): StoredEvent[] | undefined {
    const history = this.histories.get(streamId);
    if (history) this.histories.delete(streamId);
    return history;
  }

  /** The history kept for this stream, left in place (a check that only looks at it). */
  peek(streamId: string): StoredEvent[] | undefined {
    return this.histories.get(streamId);
  }

  forget(streamId: string): void {
    this.histories.delete(streamId);
  }

  get size(): number {
    return this.histories.size;
  }
}

const byRequest = new WeakMap<object, PrefetchedStreams>();
const scope = new AsyncLocalStorage<PrefetchedStreams>();

/** Runs `fn` with these prefetched streams visible to every EventStore read inside it. */
export function withPrefetchedStreams<T>(streams: PrefetchedStreams | undefined, fn: () => T): T {
  return streams ? scope.run(streams, fn) : fn();
}

/** The prefetched streams of the command running now, if any. */
export function currentPrefetchedStreams(): PrefetchedStreams | undefined {
  return scope.getStore();
}
