import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { ProvideRetentionBenefitDto } from './provide-retention-benefit.dto';

export class ProvideRetentionBenefitCommand {
  constructor(
    readonly input: ProvideRetentionBenefitDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const provideRetentionBenefit: CommandDefinition<ProvideRetentionBenefitDto> = {
  type: 'ProvideRetentionBenefit',
  dto: ProvideRetentionBenefitDto,
  occurredAtOf: (dto) => occurredAtOfDay(dto.providedOn),
  build: (dto, metadata) => new ProvideRetentionBenefitCommand(dto, metadata),
};
