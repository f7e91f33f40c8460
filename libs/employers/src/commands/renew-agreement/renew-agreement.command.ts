import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RenewAgreementDto } from './renew-agreement.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RenewAgreementCommand {
  constructor(
    readonly input: RenewAgreementDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const renewAgreement: CommandDefinition<RenewAgreementDto> = {
  type: 'RenewAgreement',
  dto: RenewAgreementDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'agreement', field: 'agreementId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.renewedOn),
  build: (dto, metadata) => new RenewAgreementCommand(dto, metadata),
};
