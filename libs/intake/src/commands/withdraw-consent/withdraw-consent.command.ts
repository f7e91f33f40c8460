import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { WithdrawConsentDto } from './withdraw-consent.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class WithdrawConsentCommand {
  constructor(
    readonly input: WithdrawConsentDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const withdrawConsent: CommandDefinition<WithdrawConsentDto> = {
  type: 'WithdrawConsent',
  dto: WithdrawConsentDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'client', field: 'clientId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.withdrawnOn),
  build: (dto, metadata) => new WithdrawConsentCommand(dto, metadata),
};
