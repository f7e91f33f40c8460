import type { Checkpoint } from '@saeil/event-store';
import type { IncomingMessage, MessageBus, OffsetRange } from './message-bus.port';
import { fromMessage } from './envelope';

/** What a relay taking over found at the end of its topics. */
export interface PublishedTail {
  /** Events past the relay's checkpoint that are on Kafka already: sent, but the checkpoint never moved. */
  eventIds: Set<string>;
  partitions: number;
  messagesRead: number;
}

/** Whether `position` comes after `checkpoint` in commit order (transaction id, then global position). */
export function isAfter(position: Checkpoint, checkpoint: Checkpoint): boolean {
  const [tx, cp] = [BigInt(position.transactionId), BigInt(checkpoint.transactionId)];
  return tx !== cp ? tx > cp : position.globalPosition > checkpoint.globalPosition;
}

function positionOf(message: IncomingMessage): (Checkpoint & { eventId: string }) | undefined {
  try {
    const event = fromMessage(message);
    if (typeof event.transactionId !== 'string' || typeof event.globalPosition !== 'number') return undefined;
    return {
      transactionId: event.transactionId,
      globalPosition: event.globalPosition,
      eventId: message.headers['event-id'] ?? event.eventId,
    };
  } catch {
    return undefined; // not one of our events: nothing the relay could send again
  }
}

/**
 * The relay sends one batch at a time and moves its checkpoint after the broker took it, so what
 * a crash can leave on Kafka past the checkpoint is the end of each partition: at most `depth`
 * (the batch size) messages per partition. Reads that much from the end of every partition of
 * `topics`, and further back for as long as everything read is still past the checkpoint (a
 * larger batch size before the crash), and returns the ids of the events past the checkpoint.
 * Each partition holds the relay's messages in commit order, so the first message at or before
 * the checkpoint ends the search there.
 */
export async function readPublishedTail(
  bus: MessageBus,
  topics: string[],
  checkpoint: Checkpoint,
  depth: number,
): Promise<PublishedTail> {
  const tail: PublishedTail = { eventIds: new Set(), partitions: 0, messagesRead: 0 };
  if (topics.length === 0) return tail;
  const offsets = await bus.partitionOffsets(topics);
  const lowOf = new Map(offsets.map((p) => [`${p.topic}/${p.partition}`, p.low]));
  let windows: OffsetRange[] = offsets
    .filter((p) => p.high > p.low)
    .map((p) => ({ topic: p.topic, partition: p.partition, from: Math.max(p.low, p.high - depth), to: p.high }));
  tail.partitions = windows.length;
  while (windows.length > 0) {
    const messages = await bus.readRanges(windows);
    tail.messagesRead += messages.length;
    const reachedCheckpoint = new Set<string>();
    for (const message of messages) {
      const position = positionOf(message);
      if (!position) continue;
      if (isAfter(position, checkpoint)) tail.eventIds.add(position.eventId);
      else reachedCheckpoint.add(`${message.topic}/${message.partition}`);
    }
    windows = windows
      .filter(
        (w) => !reachedCheckpoint.has(`${w.topic}/${w.partition}`) && w.from > lowOf.get(`${w.topic}/${w.partition}`)!,
      )
      .map((w) => ({ ...w, from: Math.max(lowOf.get(`${w.topic}/${w.partition}`)!, w.from - depth), to: w.from }));
  }
  return tail;
}
