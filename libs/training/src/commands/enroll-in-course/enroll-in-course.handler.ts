import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { decideForTrainee, TraineeResult } from '../command-support';
import { EnrollInCourseCommand } from './enroll-in-course.command';

@CommandHandler(EnrollInCourseCommand)
export class EnrollInCourseHandler implements ICommandHandler<EnrollInCourseCommand, TraineeResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: EnrollInCourseCommand): Promise<TraineeResult> {
    return decideForTrainee(
      this.store,
      input,
      { type: 'EnrollInCourse', enrolledOn: input.enrolledOn },
      metadata,
      this.clock.today(),
    );
  }
}
