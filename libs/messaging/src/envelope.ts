import type { StoredEvent } from '@saeil/event-store';
import type { IncomingMessage, OutgoingMessage } from './message-bus.port';

/**
 * The wire form of an event on Kafka: the value is the stored event as JSON (data and
 * metadata included), keyed by stream id so one case's events stay in order on one partition.
 * Headers repeat what a consumer needs to route without parsing the value.
 */
export function toMessage(topic: string, event: StoredEvent): OutgoingMessage {
  return { topic, key: event.streamId, value: JSON.stringify(event), headers: eventHeaders(event) };
}

/** The headers of every message that carries (or is derived from) one stored event. */
export function eventHeaders(event: StoredEvent): Record<string, string> {
  return {
    'event-id': event.eventId,
    'event-type': event.type,
    'schema-version': String(event.schemaVersion),
    'correlation-id': event.metadata.correlationId,
    'global-position': String(event.globalPosition),
    'stream-version': String(event.streamVersion),
  };
}

export class MalformedEventMessage extends Error {}

export function fromMessage(message: IncomingMessage): StoredEvent {
  if (!message.value)
    throw new MalformedEventMessage(`empty message at ${message.topic}/${message.partition}@${message.offset}`);
  let parsed: StoredEvent;
  try {
    parsed = JSON.parse(message.value) as StoredEvent;
  } catch {
    throw new MalformedEventMessage(`message at ${message.topic}/${message.partition}@${message.offset} is not JSON`);
  }
  if (
    typeof parsed?.streamId !== 'string' ||
    typeof parsed.type !== 'string' ||
    typeof parsed.streamVersion !== 'number'
  ) {
    throw new MalformedEventMessage(
      `message at ${message.topic}/${message.partition}@${message.offset} is not an event envelope`,
    );
  }
  return parsed;
}
