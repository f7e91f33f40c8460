import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

/** A message as the fault tests count it: by the `event-id` header the relay puts on every event. */
export interface TopicMessage {
  eventId: string;
  type: string;
  key: string;
}

/**
 * Everything on a topic right now: takes the partitions' high watermarks first, then reads from
 * the beginning with a throw-away consumer group until every partition has been read up to its
 * mark. Call it once the relay has caught up (its checkpoint at the last event), so "right now"
 * is everything that will ever be sent for the events written so far.
 */
export async function readWholeTopic(brokers: string[], topic: string): Promise<TopicMessage[]> {
  const kafka = new Kafka({ clientId: 'saeil-fault-reader', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const marks = new Map<number, number>();
  try {
    for (const { partition, high } of await admin.fetchTopicOffsets(topic)) marks.set(partition, Number(high));
  } finally {
    await admin.disconnect();
  }
  const pending = new Set([...marks].filter(([, high]) => high > 0).map(([partition]) => partition));
  const messages: TopicMessage[] = [];
  if (pending.size === 0) return messages;

  const consumer = kafka.consumer({ groupId: `saeil-fault-reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${topic} not read to its end within 60 s (${messages.length} messages read)`)),
        60_000,
      );
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            if (Number(message.offset) >= marks.get(partition)!) return;
            messages.push({
              eventId: String(message.headers!['event-id']),
              type: String(message.headers!['event-type']),
              key: String(message.key),
            });
            if (Number(message.offset) + 1 >= marks.get(partition)!) pending.delete(partition);
            if (pending.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** How many times each id occurs. */
export function occurrences(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
