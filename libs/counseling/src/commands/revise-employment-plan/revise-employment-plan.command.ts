import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_THE_RECORD } from '../../support/command-support';
import { occurredAtOfDay } from '../../support/dates';
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
  centerOf: () => CENTER_OF_THE_RECORD,
  occurredAtOf: (dto) => occurredAtOfDay(dto.revisedOn),
  build: (dto, metadata) => new ReviseEmploymentPlanCommand(dto, metadata),
};
