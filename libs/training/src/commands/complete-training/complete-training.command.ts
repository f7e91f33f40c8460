import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { CompleteTrainingDto } from './complete-training.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class CompleteTrainingCommand {
  constructor(
    readonly input: CompleteTrainingDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const completeTraining: CommandDefinition<CompleteTrainingDto> = {
  type: 'CompleteTraining',
  dto: CompleteTrainingDto,
  access: {
    roles: [...CASE_WORKERS],
    records: [
      { kind: 'course', field: 'courseId' },
      { kind: 'client', field: 'clientId', enrolledIn: 'courseId' },
    ],
  },
  occurredAtOf: (dto) => occurredAtOfDay(dto.completedOn),
  build: (dto, metadata) => new CompleteTrainingCommand(dto, metadata),
};
