import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import { Checkpoint, readCheckpoint, START, StoredEvent } from '@saeil/event-store';
import { OutboxRelay, RELAY_CHECKPOINT, Topics, toMessage } from '@saeil/messaging';
import type { Runtime } from '@saeil/runtime';
import { ratio } from '../support/stats';

export interface RelayFigures {
  events: number;
  batchSize: number;
  saeilEventsPerSecond: number;
  rawKafkajsMessagesPerSecond: number;
  ratio: number;
}

/**
 * Relay throughput over the seeded backlog: OutboxRelay.publishBatch (read in commit order →
 * publish with acks=-1 → checkpoint) back to back, against a raw kafkajs producer sending the same
 * messages (same keys, values, headers, topic layout and partitions) with the same producer
 * settings (acks -1, no compression, 5 in flight, idempotent) in the same batches, one batch at a time.
 */
export async function measureRelay(
  runtime: Runtime,
  brokers: string[],
  rawTopics: Topics,
  maxEvents: number,
): Promise<RelayFigures> {
  const relay = runtime.worker.relay as OutboxRelay;
  const batchSize = runtime.config.RELAY_BATCH_SIZE;
  const from: Checkpoint = await readCheckpoint(runtime.dataSource, RELAY_CHECKPOINT);
  if (from.globalPosition !== START.globalPosition)
    throw new Error('the relay checkpoint has moved already: run the bench on a fresh database');

  let sent = 0;
  const t0 = performance.now();
  while (sent < maxEvents) {
    const n = await relay.publishBatch();
    if (n === 0) break;
    sent += n;
  }
  const relaySeconds = (performance.now() - t0) / 1000;

  // The same events, as the same messages, to topics of their own.
  const batches: StoredEvent[][] = [];
  let checkpoint = from;
  for (let read = 0; read < sent;) {
    const events = await runtime.store.readAll(checkpoint, batchSize);
    if (events.length === 0) break;
    batches.push(events);
    read += events.length;
    const last = events[events.length - 1];
    checkpoint = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
  const kafka = new Kafka({ clientId: 'saeil-bench-raw', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 5, idempotent: true });
  await producer.connect();
  const payloads = batches.map((events) => {
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const e of events) {
      const m = toMessage(rawTopics.events(e.context), e);
      byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), { key: m.key, value: m.value, headers: m.headers }]);
    }
    return [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages }));
  });
  const t1 = performance.now();
  for (const topicMessages of payloads)
    await producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages });
  const rawSeconds = (performance.now() - t1) / 1000;
  await producer.disconnect();

  const saeilRate = Math.round(sent / relaySeconds);
  const rawRate = Math.round(sent / rawSeconds);
  return {
    events: sent,
    batchSize,
    saeilEventsPerSecond: saeilRate,
    rawKafkajsMessagesPerSecond: rawRate,
    ratio: ratio(saeilRate, rawRate),
  };
}
