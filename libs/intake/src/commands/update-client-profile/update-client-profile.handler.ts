import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, foldStream } from '@saeil/event-store';
import { clientStreamId, IntakeEvent } from '@saeil/contracts';
import { PrivacyVault } from '@saeil/privacy';
import {
  changedFields,
  clientDecider,
  ClientIdentityFields,
  ClientState,
  identityAfter,
  identityChanged,
  SealedIdentity,
} from '../../domain/client.decider';
import { ClientDataErasedRule } from '../../domain/case-state';
import { IdentityHasher } from '../../identity/identity-hasher';
import { indexSearchKeys, reserveIdentityKeys } from '../../identity/identity-key-index';
import { IdentityKey } from '../../identity/identity-keys';
import { CLOCK, Clock } from '@saeil/core';
import { ClientCommandResult, handleCaseCommand } from '../case-command';
import { UpdateClientProfileCommand } from './update-client-profile.command';

/**
 * A profile change. Her identity is opened from her latest envelope to compare the changes with;
 * when her name, birth date or phone changes, her whole identity after the change is sealed again
 * (the event never carries those fields in clear) and her identity keys are recomputed and
 * re-reserved in the append transaction: a change that makes her look like another registered
 * client is DUPLICATE_CLIENT, and nothing is appended.
 */
@CommandHandler(UpdateClientProfileCommand)
export class UpdateClientProfileHandler implements ICommandHandler<UpdateClientProfileCommand, ClientCommandResult> {
  constructor(
    private readonly store: EventStore,
    private readonly hasher: IdentityHasher,
    private readonly vault: PrivacyVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: UpdateClientProfileCommand): Promise<ClientCommandResult> {
    const { clientId, ...changes } = input;
    // Read once here to open her identity (async); handleCaseCommand decides on the same history.
    const history = await this.store.readStream(clientStreamId(clientId));
    const before = foldStream<ClientState, IntakeEvent>(clientDecider, history);
    const currentIdentity = await this.identityOf(clientId, before);
    let sealedIdentity: SealedIdentity | undefined;
    let keys: IdentityKey[] = [];
    let searchKeys: string[] = [];
    if (
      currentIdentity &&
      before.registeredAtCenterId &&
      identityChanged(changedFields(before, currentIdentity, changes))
    ) {
      const next = identityAfter(currentIdentity, changes);
      // Her key already exists (she was registered); refused if she was erased meanwhile.
      const personal = await this.vault.sealFields(clientId, next);
      keys = this.hasher.keysOf({ ...next, centerId: before.registeredAtCenterId });
      searchKeys = this.hasher.searchKeysOf(next);
      const sealedKeys = await this.vault.sealFields(clientId, { identityKeys: keys.map((k) => k.key), searchKeys });
      sealedIdentity = { personal, sealedKeys };
    }
    return handleCaseCommand(
      this.store,
      { clientId, commandType: 'UpdateClientProfile', input, metadata, history },
      (state) => ({
        command: {
          type: 'UpdateClientProfile',
          clientId,
          changes,
          currentIdentity: currentIdentity ?? EMPTY_IDENTITY,
          sealedIdentity,
          today: this.clock.today(),
        },
        inTransaction: sealedIdentity
          ? async (runner) => {
              await reserveIdentityKeys(runner, {
                clientId,
                keys,
                allowDuplicateOf: state.acknowledgedDuplicateOf,
                mode: 'replace',
                atCenter: state.centerId ?? '',
              });
              await indexSearchKeys(runner, clientId, searchKeys, 'replace');
            }
          : undefined,
      }),
    );
  }

  /** Her identity as it stands: her latest envelope opened, or (version 1 events) the plaintext they carried. */
  private async identityOf(clientId: string, state: ClientState): Promise<ClientIdentityFields | undefined> {
    // Unknown or erased: nothing to open; the decider refuses (404, CLIENT_DATA_ERASED).
    if (!state.exists || state.erased) return undefined;
    if (state.personal === undefined) return state.legacyIdentity;
    const opened = await this.vault.openFields<ClientIdentityFields>(clientId, state.personal);
    // Erased after the stream was read: her erasure moved the stream too, so this could only end in a 409.
    if (opened.status === 'erased') throw new ClientDataErasedRule();
    return opened.fields;
  }
}

/** For a client with no identity to open (unknown or erased): the decider refuses before comparing. */
const EMPTY_IDENTITY: ClientIdentityFields = { name: '', birthDate: '', phone: '' };
