import { randomUUID } from 'node:crypto';
import { Admin, Consumer, Kafka, logLevel, Producer, CompressionTypes, IHeaders } from 'kafkajs';
import type { Logger } from 'pino';
import {
  IncomingMessage,
  MessageBus,
  OffsetRange,
  OutgoingMessage,
  PartitionOffsets,
  Subscription,
  SubscriptionOptions,
  TopicSpec,
} from '../message-bus.port';
import { RangeReader } from './range-reader';

export interface KafkaOptions {
  brokers: string[];
  clientId: string;
  defaultPartitions: number;
  replicationFactor: number;
  sessionTimeoutMs?: number;
  logger?: Logger;
}

function headersOf(raw: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value !== undefined) out[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return out;
}

/** A producer and the sends still running on it (a replaced producer is closed once they end). */
interface ProducerInUse {
  producer: Producer;
  sending: number;
  replaced: boolean;
}

/** The kafkajs adapter of the MessageBus port. */
export class KafkajsMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private producer?: { inUse: ProducerInUse; connected: Promise<void> };
  private admin?: Admin;
  private readonly consumers = new Set<Consumer>();
  private closed = false;

  constructor(private readonly options: KafkaOptions) {
    const log = options.logger;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.WARN,
      retry: { initialRetryTime: 200, retries: 8 },
      logCreator:
        () =>
        ({ level, log: entry }) => {
          const { message, ...extra } = entry;
          if (!log) return;
          // We bound the idempotent producer's retries on purpose: a send that still fails is
          // reported, the producer replaced, and the relay checks the topics before sending again.
          if (message.startsWith('Limiting retries for the idempotent producer'))
            return log.debug({ kafka: extra }, message);
          // kafkajs logs every failed response at ERROR, though most are retried (a new topic not
          // served yet, a leader moving); those are warnings until they surface as a failure.
          if (level <= logLevel.ERROR && !message.startsWith('Response ')) log.error({ kafka: extra }, message);
          else log.warn({ kafka: extra }, message);
        },
    });
  }

  private async getAdmin(): Promise<Admin> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    return this.admin;
  }

  private async getProducer(): Promise<ProducerInUse> {
    if (!this.producer) {
      // Idempotent: the broker drops a message kafkajs sends again on its own retry (the first
      // attempt written, its answer lost), so a send that succeeds wrote each message once.
      const producer = this.kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 5, idempotent: true });
      const inUse: ProducerInUse = { producer, sending: 0, replaced: false };
      this.producer = { inUse, connected: producer.connect() };
    }
    const { inUse, connected } = this.producer;
    try {
      await connected;
    } catch (error) {
      this.retire(inUse);
      await inUse.producer.disconnect().catch(() => undefined);
      throw error;
    }
    return inUse;
  }

  /**
   * After a failed send nobody knows what the broker kept, and kafkajs has rolled its sequence
   * numbers back: a later send with the same numbers would be taken for a duplicate and dropped.
   * So the producer is replaced (a new producer id) and closed once its other sends have ended.
   */
  private retire(inUse: ProducerInUse): void {
    inUse.replaced = true;
    if (this.producer?.inUse === inUse) this.producer = undefined;
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return;
    // Not kafkajs's waitForLeaders: its wait gives up on "This server does not host this
    // topic-partition", which a KRaft broker answers for a moment after creating a topic.
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((t) => ({
        topic: t.topic,
        numPartitions: t.partitions ?? this.options.defaultPartitions,
        replicationFactor: this.options.replicationFactor,
        configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value })),
      })),
    });
    await this.untilTopicsServed(missing.map((t) => t.topic));
  }

  /**
   * A broker may not serve a new topic's metadata for a moment after creating it; a consumer
   * subscribing then fails with "This server does not host this topic-partition". Wait until
   * every partition has a leader in the metadata and the partitions' ends can be read.
   */
  private async untilTopicsServed(topics: string[], timeoutMs = 30000): Promise<void> {
    const admin = await this.getAdmin();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const { topics: described } = await admin.fetchTopicMetadata({ topics });
        const led =
          described.length === topics.length &&
          described.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
        // Led in the metadata is not yet served: a loaded broker still answers "not the leader" to
        // a read of the partitions' ends for a moment, and the relay reads them before it sends.
        if (led) {
          for (const topic of topics) await admin.fetchTopicOffsets(topic);
          return;
        }
      } catch (error) {
        if (Date.now() >= deadline) throw error;
      }
      if (Date.now() >= deadline)
        throw new Error(`Kafka topics not served after ${timeoutMs} ms: ${topics.join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const inUse = await this.getProducer();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    inUse.sending++;
    try {
      await inUse.producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic.entries()].map(([topic, list]) => ({
          topic,
          messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
        })),
      });
    } catch (error) {
      this.retire(inUse);
      throw error;
    } finally {
      inUse.sending--;
      if (inUse.replaced && inUse.sending === 0) inUse.producer.disconnect().catch(() => undefined);
    }
  }

  async partitionOffsets(topics: string[]): Promise<PartitionOffsets[]> {
    const admin = await this.getAdmin();
    const offsets: PartitionOffsets[] = [];
    for (const topic of topics) {
      for (const { partition, low, high } of await admin.fetchTopicOffsets(topic))
        offsets.push({ topic, partition, low: Number(low), high: Number(high) });
    }
    return offsets;
  }

  async readRanges(ranges: OffsetRange[]): Promise<IncomingMessage[]> {
    // kafkajs reads only through a consumer group: a throw-away one that never commits.
    const consumer = this.kafka.consumer({
      groupId: `${this.options.clientId}.range-reader.${randomUUID()}`,
      allowAutoTopicCreation: false,
      // Short fetch waits: the first fetch may wait at a partition's end before the seek applies.
      maxWaitTimeInMs: 100,
      retry: { retries: 3, restartOnFailure: async () => false },
    });
    return new RangeReader(consumer, headersOf).read(ranges);
  }

  async subscribe(options: SubscriptionOptions): Promise<Subscription> {
    // Joining can fail for a moment right after the topics were created (the broker's metadata
    // cache lags its controller: "This server does not host this topic-partition"); kafkajs
    // marks such errors retriable, and we try again with a fresh consumer.
    for (let attempt = 1; ; attempt++) {
      const consumer = this.newConsumer(options.groupId);
      try {
        await this.start(consumer, options);
        this.consumers.add(consumer);
        return {
          stop: async () => {
            this.consumers.delete(consumer);
            await consumer.disconnect();
          },
        };
      } catch (error) {
        await consumer.disconnect().catch(() => undefined);
        if (this.closed || attempt >= 10 || !(error as { retriable?: boolean }).retriable) throw error;
        this.options.logger?.warn(
          { err: error, groupId: options.groupId, attempt },
          'consumer could not join yet; retrying',
        );
        await new Promise((r) => setTimeout(r, 250 * attempt));
      }
    }
  }

  private newConsumer(groupId: string): Consumer {
    return this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      // A crashed consumer restarts itself, but not once the bus is closed (it would reconnect after shutdown).
      retry: { initialRetryTime: 300, retries: 10, restartOnFailure: async () => !this.closed },
      sessionTimeout: this.options.sessionTimeoutMs ?? 30000,
      heartbeatInterval: Math.min(3000, Math.floor((this.options.sessionTimeoutMs ?? 30000) / 3)),
    });
  }

  private async start(consumer: Consumer, options: SubscriptionOptions): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
        if (!isRunning() || isStale() || batch.messages.length === 0) return;
        const messages: IncomingMessage[] = batch.messages.map((m) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: m.offset,
          key: m.key ? m.key.toString() : null,
          value: m.value ? m.value.toString() : null,
          headers: headersOf(m.headers),
        }));
        await options.onBatch(messages);
        resolveOffset(batch.messages[batch.messages.length - 1].offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
      },
    });
  }

  async consumerLag(groupId: string, topics: string[]): Promise<number> {
    const admin = await this.getAdmin();
    let lag = 0;
    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const end of ends) {
        const done = partitions.find((p) => p.partition === end.partition);
        const committedOffset = done && Number(done.offset) >= 0 ? Number(done.offset) : Number(end.low);
        lag += Math.max(0, Number(end.high) - committedOffset);
      }
    }
    return lag;
  }

  async ping(): Promise<void> {
    const admin = await this.getAdmin();
    await admin.describeCluster();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await this.producer?.inUse.producer.disconnect().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
    this.producer = undefined;
    this.admin = undefined;
  }
}
