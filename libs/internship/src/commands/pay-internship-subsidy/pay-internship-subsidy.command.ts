import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_FROM_CASE, occurredAtOfDay } from '../command-support';
import { PayInternshipSubsidyDto } from './pay-internship-subsidy.dto';

export class PayInternshipSubsidyCommand {
  constructor(
    readonly input: PayInternshipSubsidyDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const payInternshipSubsidy: CommandDefinition<PayInternshipSubsidyDto> = {
  type: 'PayInternshipSubsidy',
  dto: PayInternshipSubsidyDto,
  centerOf: () => CENTER_FROM_CASE,
  occurredAtOf: (dto) => occurredAtOfDay(dto.paidOn),
  build: (dto, metadata) => new PayInternshipSubsidyCommand(dto, metadata),
};
