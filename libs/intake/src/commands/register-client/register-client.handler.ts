import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { todayInKorea } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { clientStreamId, INTAKE_CONTEXT } from '@saeil/contracts';
import { clientDecider } from '../../domain/client.decider';
import { IdentityHasher } from '../../identity/identity-hasher';
import { reserveIdentityKeys } from '../../identity/identity-key-index';
import { idempotencyOf, idWritten } from '@saeil/runtime';
import { ClientCommandResult, toResult } from '../case-command';
import { RegisterClientCommand } from './register-client.command';

export type RegisterClientResult = ClientCommandResult;

/**
 * Registers her with her identity keys; the keys are reserved in the same transaction as the
 * event, so of two registrations of the same person only one can succeed (DUPLICATE_CLIENT).
 */
@CommandHandler(RegisterClientCommand)
export class RegisterClientHandler implements ICommandHandler<RegisterClientCommand, RegisterClientResult> {
  constructor(
    private readonly store: EventStore,
    private readonly hasher: IdentityHasher,
  ) {}

  async execute({ input, metadata }: RegisterClientCommand): Promise<RegisterClientResult> {
    const clientId = randomUUID();
    const { allowDuplicateOf = [], ...registration } = input;
    const keys = this.hasher.keysOf(input);
    // A concurrent retry of the same request meets her identity keys before the idempotency
    // key's row; the store answers it with the first result once that has committed.
    const result = await handleCommand(this.store, clientDecider, {
      streamId: clientStreamId(clientId),
      context: INTAKE_CONTEXT,
      command: { type: 'RegisterClient', clientId, ...registration, allowDuplicateOf, identityKeys: keys.map((k) => k.key), today: todayInKorea() },
      metadata,
      idempotency: idempotencyOf(metadata, 'RegisterClient', input),
      inTransaction: (runner) => reserveIdentityKeys(runner, { clientId, keys, allowDuplicateOf, mode: 'register' }),
    });
    return toResult(await idWritten(this.store, result, 'clientId', clientId), result);
  }
}
