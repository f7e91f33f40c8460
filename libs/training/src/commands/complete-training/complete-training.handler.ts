import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@saeil/event-store';
import { decideForTrainee, TraineeResult } from '../command-support';
import { CompleteTrainingCommand } from './complete-training.command';

@CommandHandler(CompleteTrainingCommand)
export class CompleteTrainingHandler implements ICommandHandler<CompleteTrainingCommand, TraineeResult> {
  constructor(private readonly store: EventStore) {}

  execute({ input, metadata }: CompleteTrainingCommand): Promise<TraineeResult> {
    return decideForTrainee(this.store, input, { type: 'CompleteTraining', completedOn: input.completedOn }, metadata);
  }
}
