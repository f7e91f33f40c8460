import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { decideForTrainee, TraineeResult } from '../command-support';
import { RecordTrainingAttendanceCommand } from './record-training-attendance.command';

@CommandHandler(RecordTrainingAttendanceCommand)
export class RecordTrainingAttendanceHandler implements ICommandHandler<
  RecordTrainingAttendanceCommand,
  TraineeResult
> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: RecordTrainingAttendanceCommand): Promise<TraineeResult> {
    return decideForTrainee(
      this.store,
      input,
      { type: 'RecordTrainingAttendance', date: input.date, present: input.present },
      metadata,
      this.clock.today(),
    );
  }
}
