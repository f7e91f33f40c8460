import { EventContract } from './contract';
import { EVENT_CONTRACTS } from './registry';

const HEADERS = {
  type: 'object',
  properties: {
    'event-id': { type: 'string', format: 'uuid' },
    'event-type': { type: 'string' },
    'schema-version': { type: 'string' },
    'correlation-id': { type: 'string' },
    'global-position': { type: 'string', description: 'position in the event store, for ordering across topics' },
    'stream-version': { type: 'string' },
  },
  required: ['event-id', 'event-type', 'schema-version', 'correlation-id', 'global-position', 'stream-version'],
};

const METADATA = {
  type: 'object',
  properties: {
    actorId: { type: 'string' },
    centerId: { type: 'string' },
    correlationId: { type: 'string' },
    causationId: { type: 'string' },
    commandId: { type: 'string' },
    idempotencyKey: { type: 'string' },
    occurredAt: {
      type: 'string',
      format: 'date-time',
      description: 'when it happened (may be earlier than recordedAt)',
    },
  },
  required: ['actorId', 'centerId', 'correlationId', 'occurredAt'],
};

function envelope(contract: EventContract) {
  return {
    type: 'object',
    description: 'The stored event as JSON; the message key is streamId.',
    properties: {
      eventId: { type: 'string', format: 'uuid' },
      globalPosition: { type: 'integer' },
      transactionId: { type: 'string' },
      streamId: { type: 'string' },
      streamVersion: { type: 'integer' },
      context: { type: 'string', const: contract.context },
      type: { type: 'string', const: contract.type },
      schemaVersion: { type: 'integer', const: contract.version },
      data: contract.payload,
      metadata: METADATA,
      recordedAt: { type: 'string', format: 'date-time' },
    },
    required: [
      'eventId',
      'globalPosition',
      'streamId',
      'streamVersion',
      'context',
      'type',
      'schemaVersion',
      'data',
      'metadata',
      'recordedAt',
    ],
  };
}

/** The AsyncAPI 3.0 document for every event topic, built from the contracts in code. */
export function buildAsyncApi(contracts: EventContract[] = EVENT_CONTRACTS): Record<string, unknown> {
  const contexts = [...new Set(contracts.map((c) => c.context))].sort();
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const context of contexts) {
    const own = contracts.filter((c) => c.context === context).sort((a, b) => a.type.localeCompare(b.type));
    channels[`${context}Events`] = {
      address: `saeil.${context}.events.v1`,
      description: `Events of the ${context} context, keyed by stream id (one case's events stay in order). KAFKA_TOPIC_PREFIX is prepended when set.`,
      messages: Object.fromEntries(own.map((c) => [c.type, { $ref: `#/components/messages/${c.type}` }])),
    };
    operations[`receive${context[0].toUpperCase()}${context.slice(1)}Events`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${context}Events` },
    };
    for (const c of own) {
      messages[c.type] = {
        name: c.type,
        title: c.type,
        summary: c.summary,
        contentType: 'application/json',
        headers: HEADERS,
        payload: envelope(c),
        'x-schema-version': c.version,
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Saeil events',
      version: '1.0.0',
      description:
        'Events Saeil publishes to Apache Kafka through its transactional outbox. Generated from libs/contracts by `npm run docs:asyncapi`; a test fails when this file and the code disagree.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
