import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { clientStreamId, INTAKE_CONTEXT } from '@saeil/contracts';
import { PrivacyVault } from '@saeil/privacy';
import { clientDecider, identityOf } from '../../domain/client.decider';
import { IdentityHasher } from '../../identity/identity-hasher';
import { indexSearchKeys, reserveIdentityKeys } from '../../identity/identity-key-index';
import { idempotencyOf, idWritten } from '@saeil/runtime';
import { ClientCommandResult, toResult } from '../case-command';
import { RegisterClientCommand } from './register-client.command';

export class RegisterClientResult extends ClientCommandResult {}

/**
 * Registers her with her identity sealed (name, birth date, phone: one envelope with her own data
 * key) and her identity and search keys (sealed with the same key in the event; indexed in
 * `client_identity_keys` and `client_search_keys` in the same transaction as the event, so of two
 * registrations of the same person only one can succeed: DUPLICATE_CLIENT).
 *
 * Her key is issued by `sealFields` in its own short transaction before the decision, because the
 * decider emits the envelope and the append's transaction opens only after deciding; a key whose
 * registration then fails (a duplicate, the database away) seals nothing that was kept, and is
 * harmless.
 */
@CommandHandler(RegisterClientCommand)
export class RegisterClientHandler implements ICommandHandler<RegisterClientCommand, RegisterClientResult> {
  constructor(
    private readonly store: EventStore,
    private readonly hasher: IdentityHasher,
    private readonly vault: PrivacyVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: RegisterClientCommand): Promise<RegisterClientResult> {
    const idempotency = idempotencyOf(metadata, 'RegisterClient', input);
    // A retry answered from its idempotency key issues no key for a client that never was.
    const earlier = idempotency ? await this.store.findIdempotentResult(idempotency) : undefined;
    if (earlier) return toResult(await idWritten(this.store, earlier, 'clientId', ''), earlier);

    const clientId = randomUUID();
    const { allowDuplicateOf = [], ...registration } = input;
    const identity = identityOf(input);
    const keys = this.hasher.keysOf(input);
    const searchKeys = this.hasher.searchKeysOf(identity);
    const personal = await this.vault.sealFields(clientId, identity);
    // Her keyed hashes travel sealed too: after her erasure none can be matched against a guess.
    const sealedKeys = await this.vault.sealFields(clientId, { identityKeys: keys.map((k) => k.key), searchKeys });
    // A concurrent retry of the same request meets her identity keys before the idempotency
    // key's row; the store answers it with the first result once that has committed.
    const result = await handleCommand(this.store, clientDecider, {
      streamId: clientStreamId(clientId),
      context: INTAKE_CONTEXT,
      command: {
        type: 'RegisterClient',
        clientId,
        ...registration,
        personal,
        allowDuplicateOf,
        sealedKeys,
        today: this.clock.today(),
      },
      metadata,
      idempotency,
      inTransaction: async (runner) => {
        await reserveIdentityKeys(runner, {
          clientId,
          keys,
          allowDuplicateOf,
          mode: 'register',
          atCenter: input.centerId,
        });
        await indexSearchKeys(runner, clientId, searchKeys, 'register');
      },
    });
    return toResult(await idWritten(this.store, result, 'clientId', clientId), result);
  }
}
