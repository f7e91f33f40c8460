import type { Consumer, IHeaders } from 'kafkajs';
import type { IncomingMessage, OffsetRange } from '../message-bus.port';

const READ_TIMEOUT_MS = 30_000;

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * Reads bounded offset ranges with a consumer of its own: kafkajs has no fetch outside a consumer
 * group, so the consumer joins a group nobody else uses, seeks every partition to its range's
 * start, collects until each range is read to its end, and leaves without committing anything
 * (an empty group without offsets is forgotten by the broker).
 */
export class RangeReader {
  constructor(
    private readonly consumer: Consumer,
    private readonly headersOf: (raw: IHeaders | undefined) => Record<string, string>,
    private readonly timeoutMs = READ_TIMEOUT_MS,
  ) {}

  async read(ranges: OffsetRange[]): Promise<IncomingMessage[]> {
    const open = new Map(ranges.filter((r) => r.to > r.from).map((r) => [keyOf(r.topic, r.partition), r]));
    if (open.size === 0) return [];
    const read = new Map<string, IncomingMessage>(); // by topic, partition and offset: a batch fetched twice counts once
    const consumer = this.consumer;
    try {
      await consumer.connect();
      // Not from the beginning: partitions without a range stay idle at their end.
      await consumer.subscribe({ topics: [...new Set([...open.values()].map((r) => r.topic))], fromBeginning: false });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `Kafka ranges not read within ${this.timeoutMs} ms: ${[...open.keys()].length} partitions left`,
              ),
            ),
          this.timeoutMs,
        );
        const settle = (error?: unknown) => {
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        consumer.on(consumer.events.CRASH, ({ payload }) => settle(payload.error));
        consumer
          .run({
            autoCommit: false,
            eachBatch: async ({ batch }) => {
              const range = open.get(keyOf(batch.topic, batch.partition));
              if (!range) return;
              for (const m of batch.messages) {
                const offset = Number(m.offset);
                if (offset < range.from || offset >= range.to) continue;
                read.set(`${keyOf(batch.topic, batch.partition)}\u0000${offset}`, {
                  topic: batch.topic,
                  partition: batch.partition,
                  offset: m.offset,
                  key: m.key ? m.key.toString() : null,
                  value: m.value ? m.value.toString() : null,
                  headers: this.headersOf(m.headers),
                });
              }
              if (Number(batch.lastOffset()) + 1 >= range.to) open.delete(keyOf(batch.topic, batch.partition));
              if (open.size === 0) settle();
            },
          })
          .then(() => {
            // run() resolves once the group is joined; seek() is only accepted from then on.
            for (const r of open.values())
              consumer.seek({ topic: r.topic, partition: r.partition, offset: String(r.from) });
          })
          .catch(settle);
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
    return [...read.values()].sort((a, b) =>
      a.topic === b.topic
        ? a.partition - b.partition || Number(a.offset) - Number(b.offset)
        : a.topic < b.topic
          ? -1
          : 1,
    );
  }
}
