import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { EndAgreementDto } from './end-agreement.dto';

export class EndAgreementCommand {
  constructor(
    readonly input: EndAgreementDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const endAgreement: CommandDefinition<EndAgreementDto> = {
  type: 'EndAgreement',
  dto: EndAgreementDto,
  occurredAtOf: (dto) => occurredAtOfDay(dto.endedOn),
  build: (dto, metadata) => new EndAgreementCommand(dto, metadata),
};
