import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { EMPLOYERS_CONTEXT, jobFairStreamId } from '@saeil/contracts';
import { commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { jobFairDecider } from '../../domain/job-fair.decider';
import { RecordJobFairCommand } from './record-job-fair.command';

export class JobFairResult extends CommandResult {
  @ApiProperty()
  jobFairId: string;
}

@CommandHandler(RecordJobFairCommand)
export class RecordJobFairHandler implements ICommandHandler<RecordJobFairCommand, JobFairResult> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: RecordJobFairCommand): Promise<JobFairResult> {
    const jobFairId = randomUUID();
    const result = await handleCommand(this.store, jobFairDecider, {
      streamId: jobFairStreamId(jobFairId),
      context: EMPLOYERS_CONTEXT,
      command: { type: 'HoldJobFair', ...input, jobFairId, today: this.clock.today() },
      metadata,
      idempotency: idempotencyOf(metadata, 'RecordJobFair', input),
    });
    return { jobFairId: await idWritten(this.store, result, 'jobFairId', jobFairId), ...commandResult(result) };
  }
}
