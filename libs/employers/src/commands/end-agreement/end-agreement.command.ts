import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_THE_AGREEMENT, occurredAtOfDay } from '../command-support';
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
  centerOf: () => CENTER_OF_THE_AGREEMENT,
  occurredAtOf: (dto) => occurredAtOfDay(dto.endedOn),
  build: (dto, metadata) => new EndAgreementCommand(dto, metadata),
};
