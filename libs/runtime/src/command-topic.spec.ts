import pino from 'pino';
import type { CommandBus } from '@nestjs/cqrs';
import { IsString } from 'class-validator';
import { AuthError, RuleViolation } from '@saeil/core';
import { IncomingMessage, MessageBus, OutgoingMessage, Topics } from '@saeil/messaging';
import { CommandAuthorizer, CommandCaller, CommandTopicConsumer, MAX_HANDLER_ATTEMPTS } from './command-topic';
import type { CommandDefinition } from './command-definition';

class NoteDto {
  @IsString()
  note: string;
}

const noteCommand: CommandDefinition<NoteDto> = {
  type: 'WriteNote',
  dto: NoteDto,
  access: { roles: ['counselor'] },
  build: (dto, metadata) => ({ dto, metadata }),
};

class Refused extends AuthError {
  readonly status = 401;
}

/** Admits the token 'counselor-token' only; what the consumer does with the answer is under test. */
class OneTokenAuthorizer extends CommandAuthorizer {
  async authenticate(token: string | undefined): Promise<CommandCaller> {
    if (token !== 'counselor-token') throw new Refused('AUTHENTICATION_REQUIRED', '로그인이 필요합니다.');
    return {
      actorId: 'account-of-kim',
      coversCenter: () => true,
      coversLevel: () => true,
      answersFor: () => false,
      reaches: async () => undefined,
      requireReference: async () => undefined,
    };
  }
}

/** Records what the consumer publishes; the consumer's decisions are what is under test, not Kafka. */
class RecordingBus {
  readonly published: OutgoingMessage[] = [];
  async publish(messages: OutgoingMessage[]): Promise<void> {
    this.published.push(...messages);
  }
}

function consumerWith(execute: () => Promise<unknown>) {
  const bus = new RecordingBus();
  const commandBus = { execute } as unknown as CommandBus;
  const consumer = new CommandTopicConsumer(
    bus as unknown as MessageBus,
    new Topics(),
    commandBus,
    [noteCommand as CommandDefinition],
    pino({ level: 'silent' }),
    new OneTokenAuthorizer(),
  );
  return { bus, consumer };
}

const message = (offset: string, accessToken: string | null = 'counselor-token'): IncomingMessage => ({
  topic: 'saeil.commands.v1',
  partition: 0,
  offset,
  key: 'cmd-00000001',
  value: JSON.stringify({
    commandId: 'cmd-00000001',
    type: 'WriteNote',
    actorId: 'app',
    ...(accessToken === null ? {} : { accessToken }),
    payload: { note: '메모' },
  }),
  headers: {},
});

describe("CommandTopicConsumer: failures that are not the command's fault", () => {
  it('redelivers a handler defect, then dead-letters the message with the reason and replies failed, so the partition moves on', async () => {
    const { bus, consumer } = consumerWith(async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    for (let attempt = 1; attempt < MAX_HANDLER_ATTEMPTS; attempt++) {
      await expect(consumer.handle(message('41'))).rejects.toThrow(TypeError);
      expect(bus.published).toEqual([]);
    }
    await consumer.handle(message('41'));
    const topics = bus.published.map((m) => m.topic);
    expect(topics).toEqual(['saeil.commands.deadletter.v1', 'saeil.command-replies.v1']);
    expect(bus.published[0].value).toBe(message('41').value);
    expect(bus.published[0].headers?.reason).toMatch(/^handler failed 3 times: Cannot read properties/);
    expect(JSON.parse(bus.published[1].value as string)).toMatchObject({
      commandId: 'cmd-00000001',
      status: 'failed',
      error: { code: 'INTERNAL_ERROR' },
    });
  });

  it('keeps redelivering while the database is unreachable: those commands are never dead-lettered', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const { bus, consumer } = consumerWith(async () => {
      throw down;
    });
    for (let attempt = 0; attempt < MAX_HANDLER_ATTEMPTS + 2; attempt++)
      await expect(consumer.handle(message('42'))).rejects.toBe(down);
    expect(bus.published).toEqual([]);
  });

  it("rejects a command without a valid token at once (the sender's fault): the handler never runs, nothing is dead-lettered", async () => {
    let ran = 0;
    const { bus, consumer } = consumerWith(async () => (ran += 1));
    await consumer.handle(message('44', null));
    await consumer.handle(message('45', 'forged'));
    expect(ran).toBe(0);
    expect(bus.published.map((m) => m.topic)).toEqual(['saeil.command-replies.v1', 'saeil.command-replies.v1']);
    for (const reply of bus.published)
      expect(JSON.parse(reply.value as string)).toMatchObject({
        status: 'rejected',
        error: { code: 'AUTHENTICATION_REQUIRED' },
      });
  });

  it("records the token's account as the actor, not the actorId the message states", async () => {
    let actor: string | undefined;
    const { consumer } = consumerWith(
      async (command?: unknown) => (actor = (command as { metadata?: { actorId: string } })?.metadata?.actorId),
    );
    await consumer.handle(message('46'));
    expect(actor).toBe('account-of-kim');
  });

  it('answers a broken rule as rejected at once, without retries', async () => {
    const { bus, consumer } = consumerWith(async () => {
      throw new RuleViolation('CASE_CLOSED', '종결된 사례입니다.');
    });
    await consumer.handle(message('43'));
    expect(bus.published.map((m) => m.topic)).toEqual(['saeil.command-replies.v1']);
    expect(JSON.parse(bus.published[0].value as string)).toMatchObject({
      status: 'rejected',
      error: { code: 'CASE_CLOSED' },
    });
  });
});
