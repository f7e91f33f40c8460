import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@saeil/event-store';
import { decideForTrainee, TraineeResult } from '../command-support';
import { RecordTrainingCertificateCommand } from './record-training-certificate.command';

@CommandHandler(RecordTrainingCertificateCommand)
export class RecordTrainingCertificateHandler implements ICommandHandler<RecordTrainingCertificateCommand, TraineeResult> {
  constructor(private readonly store: EventStore) {}

  execute({ input, metadata }: RecordTrainingCertificateCommand): Promise<TraineeResult> {
    return decideForTrainee(this.store, input, { type: 'RecordTrainingCertificate', certificate: input.certificate, obtainedOn: input.obtainedOn }, metadata);
  }
}
