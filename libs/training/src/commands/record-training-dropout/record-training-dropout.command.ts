import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_FROM_CASE, occurredAtOfDay } from '../command-support';
import { RecordTrainingDropoutDto } from './record-training-dropout.dto';

export class RecordTrainingDropoutCommand {
  constructor(
    readonly input: RecordTrainingDropoutDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const recordTrainingDropout: CommandDefinition<RecordTrainingDropoutDto> = {
  type: 'RecordTrainingDropout',
  dto: RecordTrainingDropoutDto,
  centerOf: () => CENTER_FROM_CASE,
  occurredAtOf: (dto) => occurredAtOfDay(dto.droppedOn),
  build: (dto, metadata) => new RecordTrainingDropoutCommand(dto, metadata),
};
