import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_CASE, startOfKoreanDay } from '../case-command';
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
  centerOf: () => CENTER_OF_CASE,
  occurredAtOf: (dto) => startOfKoreanDay(dto.givenOn),
  build: (dto, metadata) => new GiveConsentCommand(dto, metadata),
};
