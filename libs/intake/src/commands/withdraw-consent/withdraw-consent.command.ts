import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_CASE, startOfKoreanDay } from '../case-command';
import { WithdrawConsentDto } from './withdraw-consent.dto';

export class WithdrawConsentCommand {
  constructor(
    readonly input: WithdrawConsentDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const withdrawConsent: CommandDefinition<WithdrawConsentDto> = {
  type: 'WithdrawConsent',
  dto: WithdrawConsentDto,
  centerOf: () => CENTER_OF_CASE,
  occurredAtOf: (dto) => startOfKoreanDay(dto.withdrawnOn),
  build: (dto, metadata) => new WithdrawConsentCommand(dto, metadata),
};
