import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { GiveConsentDto } from './give-consent.dto';

export class GiveConsentCommand {
  constructor(
    readonly input: GiveConsentDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const giveConsent: CommandDefinition<GiveConsentDto> = {
  type: 'GiveConsent',
  dto: GiveConsentDto,
  occurredAtOf: (dto) => occurredAtOfDay(dto.givenOn),
  build: (dto, metadata) => new GiveConsentCommand(dto, metadata),
};
