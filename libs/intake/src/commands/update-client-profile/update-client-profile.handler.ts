import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@saeil/event-store';
import { changedFields, ClientState, identityChanged, ProfileChanges } from '../../domain/client.decider';
import { IdentityHasher } from '../../identity/identity-hasher';
import { reserveIdentityKeys } from '../../identity/identity-key-index';
import { IdentityKey } from '../../identity/identity-keys';
import { todayInKorea } from '@saeil/core';
import { ClientCommandResult, handleCaseCommand } from '../case-command';
import { UpdateClientProfileCommand } from './update-client-profile.command';

/**
 * A profile change. When her name, birth date or phone changes, her identity keys are
 * recomputed and re-reserved in the append transaction: a change that makes her look like
 * another registered client is DUPLICATE_CLIENT, and nothing is appended.
 */
@CommandHandler(UpdateClientProfileCommand)
export class UpdateClientProfileHandler implements ICommandHandler<UpdateClientProfileCommand, ClientCommandResult> {
  constructor(
    private readonly store: EventStore,
    private readonly hasher: IdentityHasher,
  ) {}

  execute({ input, metadata }: UpdateClientProfileCommand): Promise<ClientCommandResult> {
    const { clientId, ...changes } = input;
    return handleCaseCommand(this.store, { clientId, commandType: 'UpdateClientProfile', input, metadata }, (state) => {
      const keys = this.keysAfter(state, changes);
      const reindex = state.exists && identityChanged(changedFields(state, changes));
      return {
        command: { type: 'UpdateClientProfile', clientId, changes, identityKeys: keys.map((k) => k.key), today: todayInKorea() },
        inTransaction: reindex
          ? (runner) => reserveIdentityKeys(runner, { clientId, keys, allowDuplicateOf: state.acknowledgedDuplicateOf, mode: 'replace' })
          : undefined,
      };
    });
  }

  /** Her keys with the changes applied; the name + birth date key stays with the center that registered her. */
  private keysAfter(state: ClientState, changes: ProfileChanges): IdentityKey[] {
    if (!state.identity || !state.registeredAtCenterId) return [];
    return this.hasher.keysOf({
      name: changes.name ?? state.identity.name,
      birthDate: changes.birthDate ?? state.identity.birthDate,
      phone: changes.phone ?? state.identity.phone,
      centerId: state.registeredAtCenterId,
    });
  }
}
