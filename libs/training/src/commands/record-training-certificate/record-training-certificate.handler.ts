import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { decideForTrainee, TraineeResult } from '../command-support';
import { RecordTrainingCertificateCommand } from './record-training-certificate.command';

@CommandHandler(RecordTrainingCertificateCommand)
export class RecordTrainingCertificateHandler implements ICommandHandler<
  RecordTrainingCertificateCommand,
  TraineeResult
> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ input, metadata }: RecordTrainingCertificateCommand): Promise<TraineeResult> {
    return decideForTrainee(
      this.store,
      input,
      { type: 'RecordTrainingCertificate', certificate: input.certificate, obtainedOn: input.obtainedOn },
      metadata,
      this.clock.today(),
    );
  }
}
