import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { ProvideRetentionBenefitDto } from './provide-retention-benefit.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class ProvideRetentionBenefitCommand {
  constructor(
    readonly input: ProvideRetentionBenefitDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const provideRetentionBenefit: CommandDefinition<ProvideRetentionBenefitDto> = {
  type: 'ProvideRetentionBenefit',
  dto: ProvideRetentionBenefitDto,
  access: {
    roles: [...CASE_WORKERS],
    records: [
      { kind: 'retentionProgram', field: 'programId' },
      { kind: 'client', field: 'clientId' },
    ],
  },
  occurredAtOf: (dto) => occurredAtOfDay(dto.providedOn),
  build: (dto, metadata) => new ProvideRetentionBenefitCommand(dto, metadata),
};
