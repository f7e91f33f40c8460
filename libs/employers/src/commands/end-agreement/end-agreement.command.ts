import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { EndAgreementDto } from './end-agreement.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class EndAgreementCommand {
  constructor(
    readonly input: EndAgreementDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const endAgreement: CommandDefinition<EndAgreementDto> = {
  type: 'EndAgreement',
  dto: EndAgreementDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'agreement', field: 'agreementId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.endedOn),
  build: (dto, metadata) => new EndAgreementCommand(dto, metadata),
};
