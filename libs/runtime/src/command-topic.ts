import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CommandBus } from '@nestjs/cqrs';
import { AuthError, isConnectionError, SaeilError, toErrorBody, validateDto } from '@saeil/core';
import { IncomingMessage, MessageBus, Subscription, Topics } from '@saeil/messaging';
import type { EventMetadata } from '@saeil/event-store';
import { centerIdOf, CommandDefinition, requireCommandScope, requireReferences } from './command-definition';
import type { RequestCaller } from './request-context';

/** A command as it arrives on `saeil.commands.v1`. */
export interface CommandMessage {
  commandId: string;
  type: string;
  /** The access token of the account the command acts for (POST /auth/login), as over HTTP. */
  accessToken?: string;
  /** Informational: the recorded actor is the token's account. */
  actorId?: string;
  correlationId?: string;
  payload: Record<string, unknown>;
}

/** The caller a command message's token stands for, as far as the command path needs her. */
export interface CommandCaller extends RequestCaller {
  /** Throws NotFound when the DTO names a record of a center she does not reach. */
  reaches(dto: object): Promise<void>;
}

/**
 * Authorizes a command arriving on the topic exactly as its HTTP route is authorized (provided by
 * @saeil/identity): `authenticate` checks the token and the definition's roles (401/403) before
 * the payload is validated, `reaches` the records the validated DTO names (404).
 */
export abstract class CommandAuthorizer {
  abstract authenticate(token: string | undefined, definition: CommandDefinition): Promise<CommandCaller>;
}

export interface CommandReply {
  commandId: string;
  type: string;
  /** accepted / rejected (the command's fault) / failed (a fault of ours: the message is in the command dead-letter topic, to be replayed once fixed). */
  status: 'accepted' | 'rejected' | 'failed';
  result?: unknown;
  error?: ReturnType<typeof toErrorBody>['error'];
}

class MalformedCommand extends Error {}

const ID = /^[\w.:-]{8,200}$/;

function parse(
  message: IncomingMessage,
  known: Map<string, CommandDefinition>,
): { command: CommandMessage; definition: CommandDefinition } {
  let value: unknown;
  try {
    value = JSON.parse(message.value ?? '');
  } catch {
    throw new MalformedCommand('value is not JSON');
  }
  const c = value as Partial<CommandMessage> | null;
  if (!c || typeof c !== 'object' || Array.isArray(c)) throw new MalformedCommand('value is not a JSON object');
  if (typeof c.commandId !== 'string' || !ID.test(c.commandId))
    throw new MalformedCommand('commandId must be 8–200 characters of letters, digits, ".", ":", "_" or "-"');
  if (typeof c.type !== 'string') throw new MalformedCommand('type is missing');
  const definition = known.get(c.type);
  if (!definition) throw new MalformedCommand(`unknown command type ${c.type}`);
  if (c.actorId !== undefined && (typeof c.actorId !== 'string' || c.actorId.length > 128))
    throw new MalformedCommand('actorId must be a string of at most 128 characters');
  if (c.accessToken !== undefined && (typeof c.accessToken !== 'string' || c.accessToken.length > 4096))
    throw new MalformedCommand('accessToken must be a string');
  if (!c.payload || typeof c.payload !== 'object' || Array.isArray(c.payload))
    throw new MalformedCommand('payload must be a JSON object');
  return { command: c as CommandMessage, definition };
}

/**
 * The Kafka door for commands (integrations such as a field-outreach app). Same authorization
 * (the account of the message's access token, the definition's roles and records), same DTO
 * validation and same handlers as HTTP; every outcome is published to the reply topic keyed by command id;
 * the command id is the idempotency key, so a redelivered message is answered, not applied twice.
 * A message that is not a command at all goes to the command dead-letter topic with the reason.
 * Failures that are not the command's fault (database down) are thrown, so Kafka redelivers.
 * A failure that is neither (a defect in a handler) is redelivered too, but after
 * `MAX_HANDLER_ATTEMPTS` tries the message goes to the command dead-letter topic with the reason
 * and a `failed` reply: one poisoned message must not hold up every command behind it on its
 * partition, and it is kept, not lost, for a replay once the defect is fixed.
 */
export const MAX_HANDLER_ATTEMPTS = 3;

export class CommandTopicConsumer {
  private subscription?: Subscription;
  private readonly known: Map<string, CommandDefinition>;
  /** Failed tries per message (topic/partition/offset) of the defect kind; forgotten once decided. */
  private readonly attempts = new Map<string, number>();

  constructor(
    private readonly bus: MessageBus,
    private readonly topics: Topics,
    private readonly commandBus: CommandBus,
    definitions: CommandDefinition[],
    private readonly logger: Logger,
    private readonly authorizer: CommandAuthorizer,
  ) {
    this.known = new Map(definitions.map((d) => [d.type, d]));
  }

  async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      groupId: `${this.topics.commands()}.handlers`,
      topics: [this.topics.commands()],
      fromBeginning: true,
      onBatch: async (messages) => {
        for (const message of messages) await this.handle(message);
      },
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  async handle(message: IncomingMessage): Promise<void> {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(message, this.known);
    } catch (error) {
      if (!(error instanceof MalformedCommand)) throw error;
      await this.bus.publish([
        {
          topic: this.topics.commandDeadLetter(),
          key: message.key ?? '',
          value: message.value ?? '',
          headers: {
            reason: error.message,
            'source-topic': message.topic,
            'source-offset': `${message.partition}@${message.offset}`,
          },
        },
      ]);
      this.logger.warn(
        { reason: error.message, offset: message.offset },
        'malformed command sent to the dead-letter topic',
      );
      return;
    }
    const { command, definition } = parsed;
    const reply: CommandReply = { commandId: command.commandId, type: command.type, status: 'accepted' };
    try {
      const caller = await this.authorizer.authenticate(command.accessToken, definition);
      const dto = validateDto(definition.dto, command.payload);
      await caller.reaches(dto);
      requireCommandScope(definition, dto, caller);
      await requireReferences(definition, dto, caller);
      const metadata: EventMetadata = {
        actorId: caller.actorId,
        centerId: centerIdOf(definition, dto),
        correlationId: command.correlationId && ID.test(command.correlationId) ? command.correlationId : randomUUID(),
        commandId: command.commandId,
        idempotencyKey: `cmd:${command.commandId}`,
        occurredAt: definition.occurredAtOf?.(dto) ?? new Date().toISOString(),
      };
      reply.result = await this.commandBus.execute(definition.build(dto, metadata) as never);
    } catch (error) {
      if ((error instanceof SaeilError && error.kind === 'unavailable') || isConnectionError(error)) throw error;
      if (error instanceof SaeilError) {
        reply.status = 'rejected';
        reply.error = toErrorBody(error).error;
      } else if (error instanceof AuthError) {
        // No token, a bad or revoked one, or a role the command does not admit: the sender's fault.
        reply.status = 'rejected';
        reply.error = { code: error.code, message: error.message };
      } else {
        await this.failedAttempt(message, command, error);
        reply.status = 'failed';
        reply.error = {
          code: 'INTERNAL_ERROR',
          message: '명령을 처리하지 못했습니다. 운영자가 확인 후 다시 처리합니다.',
        };
      }
    }
    this.attempts.delete(messageKey(message));
    await this.bus.publish([
      {
        topic: this.topics.commandReplies(),
        key: command.commandId,
        value: JSON.stringify(reply),
        headers: { 'command-type': command.type, status: reply.status },
      },
    ]);
  }

  /** Throws (so Kafka redelivers) until the message has failed MAX_HANDLER_ATTEMPTS times; then dead-letters it. */
  private async failedAttempt(message: IncomingMessage, command: CommandMessage, error: unknown): Promise<void> {
    const key = messageKey(message);
    const attempt = (this.attempts.get(key) ?? 0) + 1;
    this.logger.error(
      { err: error, commandId: command.commandId, type: command.type, attempt },
      'command handler failed',
    );
    if (attempt < MAX_HANDLER_ATTEMPTS) {
      this.attempts.set(key, attempt);
      throw error;
    }
    const reason = `handler failed ${attempt} times: ${error instanceof Error ? error.message : String(error)}`.slice(
      0,
      500,
    );
    await this.bus.publish([
      {
        topic: this.topics.commandDeadLetter(),
        key: message.key ?? '',
        value: message.value ?? '',
        headers: { reason, 'source-topic': message.topic, 'source-offset': `${message.partition}@${message.offset}` },
      },
    ]);
  }
}

function messageKey(message: IncomingMessage): string {
  return `${message.topic}/${message.partition}/${message.offset}`;
}
