import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_THE_AGREEMENT, occurredAtOfDay } from '../command-support';
import { RenewAgreementDto } from './renew-agreement.dto';

export class RenewAgreementCommand {
  constructor(
    readonly input: RenewAgreementDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const renewAgreement: CommandDefinition<RenewAgreementDto> = {
  type: 'RenewAgreement',
  dto: RenewAgreementDto,
  centerOf: () => CENTER_OF_THE_AGREEMENT,
  occurredAtOf: (dto) => occurredAtOfDay(dto.renewedOn),
  build: (dto, metadata) => new RenewAgreementCommand(dto, metadata),
};
