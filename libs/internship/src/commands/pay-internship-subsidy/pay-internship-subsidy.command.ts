import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { PayInternshipSubsidyDto } from './pay-internship-subsidy.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class PayInternshipSubsidyCommand {
  constructor(
    readonly input: PayInternshipSubsidyDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const payInternshipSubsidy: CommandDefinition<PayInternshipSubsidyDto> = {
  type: 'PayInternshipSubsidy',
  dto: PayInternshipSubsidyDto,
  access: { roles: [...CASE_WORKERS], records: [{ kind: 'internship', field: 'internshipId' }] },
  occurredAtOf: (dto) => occurredAtOfDay(dto.paidOn),
  build: (dto, metadata) => new PayInternshipSubsidyCommand(dto, metadata),
};
