import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { decideForTrainee, TraineeResult } from '../command-support';
import { CompleteTrainingCommand } from './complete-training.command';

@CommandHandler(CompleteTrainingCommand)
export class CompleteTrainingHandler implements ICommandHandler<CompleteTrainingCommand, TraineeResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: CompleteTrainingCommand): Promise<TraineeResult> {
    return decideForTrainee(
      this.store,
      input,
      { type: 'CompleteTraining', completedOn: input.completedOn },
      metadata,
      this.clock.today(),
    );
  }
}
