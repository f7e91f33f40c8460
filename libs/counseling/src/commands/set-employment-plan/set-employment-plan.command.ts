import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_OF_THE_RECORD } from '../../support/command-support';
import { occurredAtOfDay } from '../../support/dates';
import { SetEmploymentPlanDto } from './set-employment-plan.dto';

export class SetEmploymentPlanCommand {
  constructor(
    readonly input: SetEmploymentPlanDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const setEmploymentPlan: CommandDefinition<SetEmploymentPlanDto> = {
  type: 'SetEmploymentPlan',
  dto: SetEmploymentPlanDto,
  centerOf: () => CENTER_OF_THE_RECORD,
  occurredAtOf: (dto) => occurredAtOfDay(dto.setOn),
  build: (dto, metadata) => new SetEmploymentPlanCommand(dto, metadata),
};
