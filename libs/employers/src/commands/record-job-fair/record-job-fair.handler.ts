import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AppendResult, EventStore, handleCommand } from '@saeil/event-store';
import { EMPLOYERS_CONTEXT, jobFairStreamId } from '@saeil/contracts';
import { idempotencyOf } from '@saeil/runtime';
import { jobFairDecider } from '../../domain/job-fair.decider';
import { CommandResult, todayInKorea } from '../command-support';
import { RecordJobFairCommand } from './record-job-fair.command';

export interface JobFairResult extends CommandResult {
  jobFairId: string;
}

const jobFairResult = (result: AppendResult): JobFairResult => ({
  jobFairId: result.streamId.replace(/^job-fair-/, ''),
  streamVersion: result.streamVersion,
  position: result.globalPosition,
  duplicate: result.duplicate,
});

@CommandHandler(RecordJobFairCommand)
export class RecordJobFairHandler implements ICommandHandler<RecordJobFairCommand, JobFairResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: RecordJobFairCommand): Promise<JobFairResult> {
    const jobFairId = randomUUID();
    // A repeated idempotency key answers the first result, whose stream names the first fair.
    const result = await handleCommand(this.store, jobFairDecider, {
      streamId: jobFairStreamId(jobFairId),
      context: EMPLOYERS_CONTEXT,
      command: { type: 'HoldJobFair', ...input, jobFairId, today: todayInKorea() },
      metadata,
      idempotency: idempotencyOf(metadata, 'RecordJobFair', input),
    });
    return jobFairResult(result);
  }
}
