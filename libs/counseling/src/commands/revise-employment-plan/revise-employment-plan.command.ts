import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { ReviseEmploymentPlanDto } from './revise-employment-plan.dto';

export class ReviseEmploymentPlanCommand {
  constructor(
    readonly input: ReviseEmploymentPlanDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const reviseEmploymentPlan: CommandDefinition<ReviseEmploymentPlanDto> = {
  type: 'ReviseEmploymentPlan',
  dto: ReviseEmploymentPlanDto,
  occurredAtOf: (dto) => occurredAtOfDay(dto.revisedOn),
  build: (dto, metadata) => new ReviseEmploymentPlanCommand(dto, metadata),
};
