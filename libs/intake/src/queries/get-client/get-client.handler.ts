import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@saeil/core';
import { EventStore, foldStream } from '@saeil/event-store';
import { clientStreamId } from '@saeil/contracts';
import type { ClientIdentityFields, ConsentPurpose, IntakeEvent } from '@saeil/contracts';
import { openStoredPersonalData, PrivacyVault } from '@saeil/privacy';
import { clientDecider, ClientState } from '../../domain/client.decider';
import { GetClientQuery } from './get-client.query';
import type { ClientProfileResponse } from './client-profile.response';

/**
 * Her profile straight from her client stream (a case is a few dozen events: no read model, never
 * stale), her identity opened from its latest envelope in this api process. Once she is erased,
 * her key is gone: name, birth date and phone are null and `erased` says why.
 */
@QueryHandler(GetClientQuery)
export class GetClientHandler implements IQueryHandler<GetClientQuery, ClientProfileResponse> {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PrivacyVault,
  ) {}

  async execute({ clientId }: GetClientQuery): Promise<ClientProfileResponse> {
    const history = await this.store.readStream(clientStreamId(clientId));
    const state = foldStream<ClientState, IntakeEvent>(clientDecider, history);
    if (!state.exists || !state.centerId || !state.counselorId) throw new NotFound('구직자', clientId);
    const identity = await this.identityOf(clientId, state);
    const givenOn = state.consentsGivenOn ?? {};
    return {
      clientId,
      centerId: state.centerId,
      counselorId: state.counselorId,
      registeredAtCenterId: state.registeredAtCenterId ?? state.centerId,
      registeredOn: state.registeredOn!,
      name: identity?.name ?? null,
      birthDate: identity?.birthDate ?? null,
      phone: identity?.phone ?? null,
      birthYear: state.birthYear ?? null,
      erased: identity === undefined,
      region: state.profile.region ?? '',
      ...state.profile,
      consents: state.consents.map((purpose: ConsentPurpose) => ({
        purpose,
        version: state.consentVersions[purpose] ?? '',
        givenOn: givenOn[purpose] ?? '',
      })),
      closed: state.closed,
      closedOn: state.closed ? (state.closedOn ?? null) : null,
      version: history[history.length - 1].streamVersion,
    };
  }

  /** Undefined once she is erased (the state says so, or her key is already gone). */
  private async identityOf(clientId: string, state: ClientState): Promise<ClientIdentityFields | undefined> {
    if (state.erased) return undefined;
    if (state.legacyIdentity) return state.legacyIdentity;
    if (!state.personal) return undefined;
    const opened = await openStoredPersonalData<ClientIdentityFields>(this.vault, clientId, state.personal);
    return opened.status === 'open' ? opened.fields : undefined;
  }
}
