import { Inject } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { PROGRAMS_CONTEXT, retentionProgramStreamId } from '@saeil/contracts';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { retentionProgramDecider } from '../../domain/retention-program.decider';
import { readProgram } from '../program-stream';
import { AmendRetentionProgramCommand } from './amend-retention-program.command';

export class AmendRetentionProgramResult extends CommandResult {
  @ApiProperty()
  programId: string;
}

@CommandHandler(AmendRetentionProgramCommand)
export class AmendRetentionProgramHandler implements ICommandHandler<
  AmendRetentionProgramCommand,
  AmendRetentionProgramResult
> {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, metadata }: AmendRetentionProgramCommand): Promise<AmendRetentionProgramResult> {
    const { history, state } = await readProgram(this.store, input.programId);
    const result = await handleCommand(this.store, retentionProgramDecider, {
      streamId: retentionProgramStreamId(input.programId),
      context: PROGRAMS_CONTEXT,
      command: { type: 'AmendRetentionProgram', ...input, today: this.clock.today() },
      metadata: actingFor(metadata, state.centerId),
      history,
      idempotency: idempotencyOf(metadata, 'AmendRetentionProgram', input),
    });
    return { programId: input.programId, ...commandResult(result) };
  }
}
