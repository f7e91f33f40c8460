/**
 * Our own small port over the message broker. Everything in Saeil talks to this interface;
 * `kafka/kafkajs-message-bus.ts` is the one adapter, so the client library can be replaced
 * without touching the relay, the projections or the command topic.
 */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface TopicSpec {
  topic: string;
  partitions?: number;
  /** Topic-level settings given when it is created (e.g. `retention.ms`); an existing topic is left as it is. */
  config?: Record<string, string>;
}

export interface SubscriptionOptions {
  groupId: string;
  topics: string[];
  fromBeginning: boolean;
  /**
   * Called with a batch of one partition, in offset order. Offsets are committed only after it
   * resolves; if it throws, the batch is delivered again (at-least-once).
   */
  onBatch(messages: IncomingMessage[]): Promise<void>;
}

export interface Subscription {
  stop(): Promise<void>;
}

/** A partition's offsets: `low` is the first message still kept, `high` the next one to be written. */
export interface PartitionOffsets {
  topic: string;
  partition: number;
  low: number;
  high: number;
}

/** Offsets `from` (included) to `to` (excluded) of one partition. */
export interface OffsetRange {
  topic: string;
  partition: number;
  from: number;
  to: number;
}

export interface MessageBus {
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  /** Resolves only once every message is acknowledged by all in-sync replicas (acks = -1). */
  publish(messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscriptionOptions): Promise<Subscription>;
  /** The offsets of every partition of each topic, as the brokers know them now. */
  partitionOffsets(topics: string[]): Promise<PartitionOffsets[]>;
  /**
   * The messages in the given ranges, in offset order per partition, read without committing
   * anything for any consumer group. Throws if a range cannot be read to its end (broker away).
   */
  readRanges(ranges: OffsetRange[]): Promise<IncomingMessage[]>;
  /** Messages in `topics` not yet committed by `groupId`. */
  consumerLag(groupId: string, topics: string[]): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
