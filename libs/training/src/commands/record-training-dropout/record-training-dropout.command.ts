import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { RecordTrainingDropoutDto } from './record-training-dropout.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class RecordTrainingDropoutCommand {
  constructor(
    readonly input: RecordTrainingDropoutDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordTrainingDropout: CommandDefinition<RecordTrainingDropoutDto> = {
  type: 'RecordTrainingDropout',
  dto: RecordTrainingDropoutDto,
  access: {
    roles: [...CASE_WORKERS],
    records: [
      { kind: 'course', field: 'courseId' },
      { kind: 'client', field: 'clientId', enrolledIn: 'courseId' },
    ],
  },
  occurredAtOf: (dto) => occurredAtOfDay(dto.droppedOn),
  build: (dto, metadata) => new RecordTrainingDropoutCommand(dto, metadata),
};
