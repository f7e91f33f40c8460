import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { decideForTrainee, TraineeResult } from '../command-support';
import { RecordTrainingDropoutCommand } from './record-training-dropout.command';

@CommandHandler(RecordTrainingDropoutCommand)
export class RecordTrainingDropoutHandler implements ICommandHandler<RecordTrainingDropoutCommand, TraineeResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: RecordTrainingDropoutCommand): Promise<TraineeResult> {
    return decideForTrainee(
      this.store,
      input,
      { type: 'RecordTrainingDropout', droppedOn: input.droppedOn, reason: input.reason, note: input.note },
      metadata,
      this.clock.today(),
    );
  }
}
