import { randomUUID } from 'node:crypto';
import { Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import type { RunningSaeil } from '@saeil/app';
import { kafkaBrokers, waitFor } from './env';

/** An event as a test saw it on a context's events topic. */
export interface PublishedEvent {
  topic: string;
  /** The message key: the event's stream id. */
  key: string;
  /** From the `event-type` header. */
  type: string;
  data: Record<string, any>;
  /** The whole message value: the stored event with its metadata. */
  event: Record<string, any>;
  headers: Record<string, string>;
}

/** A message on the command dead-letter topic, with the `reason` header. */
export interface DeadLetter {
  value: string;
  reason: string;
}

export interface KafkaObserver {
  /** Every event published on the observed contexts' topics, in the order they arrived. */
  published: PublishedEvent[];
  /** Every reply on the command-reply topic, in the order they arrived. */
  replies: Record<string, any>[];
  /** Every message on the command dead-letter topic (only when observed with `deadLetters: true`). */
  deadLetters: DeadLetter[];
  /** The published events of one type. */
  eventsOf(type: string): PublishedEvent[];
  /** Sends a raw message to the command topic (for messages that are not well-formed commands). */
  send(value: string, key?: string): Promise<void>;
  /**
   * Sends a command to the command topic (keyed by its command id) as the account of `token`
   * (tests/support/auth.ts `tokenFor`: the actor recorded is that account, whatever `actorId`
   * states) and waits for its reply, accepted or rejected. The command id is `<actorId>-<uuid>`
   * unless one is given.
   */
  sendCommand(
    type: string,
    payload: Record<string, unknown>,
    opts: { token: string; actorId?: string; commandId?: string; timeoutMs?: number },
  ): Promise<Record<string, any>>;
  /** Disconnects the consumer and the producer. */
  stop(): Promise<void>;
}

/**
 * Watches a running Saeil's Kafka topics with a consumer of its own (a random group id, from the
 * beginning): the events topics of the given contexts, the command replies and, if asked, the
 * command dead letters; and connects a producer for the command topic.
 */
export async function observeTopics(
  saeil: RunningSaeil,
  options: {
    contexts: string[];
    deadLetters?: boolean;
    clientId?: string;
    /** Other topics by full name (e.g. the Ministry stats feed); their messages land in `published`. */ topics?: string[];
  },
): Promise<KafkaObserver> {
  const topics = saeil.runtime.topics;
  const repliesTopic = topics.commandReplies();
  const deadLetterTopic = topics.commandDeadLetter();
  const published: PublishedEvent[] = [];
  const replies: Record<string, any>[] = [];
  const deadLetters: DeadLetter[] = [];

  const kafka = new Kafka({
    clientId: options.clientId ?? 'saeil-test-observer',
    brokers: kafkaBrokers()!,
    logLevel: logLevel.NOTHING,
  });
  const producer: Producer = kafka.producer();
  const consumer: Consumer = kafka.consumer({
    groupId: `${options.clientId ?? 'saeil-test-observer'}-${randomUUID()}`,
  });
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({
      topics: [
        ...options.contexts.map((context) => topics.events(context)),
        ...(options.topics ?? []),
        repliesTopic,
        ...(options.deadLetters ? [deadLetterTopic] : []),
      ],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        if (topic === deadLetterTopic) {
          deadLetters.push({ value: message.value!.toString(), reason: String(message.headers!.reason) });
          return;
        }
        const value = JSON.parse(message.value!.toString());
        if (topic === repliesTopic) replies.push(value);
        else {
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, v]) => [name, String(v)]),
          );
          published.push({
            topic,
            key: message.key!.toString(),
            type: String(message.headers?.['event-type'] ?? value.type),
            data: value.data ?? value,
            event: value,
            headers,
          });
        }
      },
    });
  } catch (error) {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
    throw error;
  }

  const send = async (value: string, key: string = randomUUID()): Promise<void> => {
    await producer.send({ topic: topics.commands(), messages: [{ key, value }] });
  };

  return {
    published,
    replies,
    deadLetters,
    eventsOf: (type) => published.filter((p) => p.type === type),
    send,
    async sendCommand(type, payload, opts) {
      const actorId = opts.actorId ?? 'test';
      const commandId = opts.commandId ?? `${actorId}-${randomUUID()}`;
      await send(JSON.stringify({ commandId, type, actorId, accessToken: opts.token, payload }), commandId);
      return waitFor(async () => replies.find((r) => r.commandId === commandId), {
        timeoutMs: opts.timeoutMs ?? 30_000,
        description: `the reply to ${type} ${commandId}`,
      });
    },
    async stop() {
      try {
        await consumer.disconnect();
      } finally {
        await producer.disconnect();
      }
    },
  };
}
