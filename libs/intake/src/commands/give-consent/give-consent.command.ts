import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { GiveConsentDto } from './give-consent.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class GiveConsentCommand {
  constructor(
    readonly input: GiveConsentDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const giveConsent: CommandDefinition<GiveConsentDto> = {
  type: 'GiveConsent',
  dto: GiveConsentDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.givenOn),
  build: (dto, metadata) => new GiveConsentCommand(dto, metadata),
};
