import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventStore, handleCommand } from '@saeil/event-store';
import { PROGRAMS_CONTEXT, retentionProgramStreamId } from '@saeil/contracts';
import { commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { retentionProgramDecider } from '../../domain/retention-program.decider';
import { DefineRetentionProgramCommand } from './define-retention-program.command';

export class DefineRetentionProgramResult extends CommandResult {
  @ApiProperty()
  programId: string;
}

@CommandHandler(DefineRetentionProgramCommand)
export class DefineRetentionProgramHandler implements ICommandHandler<
  DefineRetentionProgramCommand,
  DefineRetentionProgramResult
> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: DefineRetentionProgramCommand): Promise<DefineRetentionProgramResult> {
    const programId = randomUUID();
    const result = await handleCommand(this.store, retentionProgramDecider, {
      streamId: retentionProgramStreamId(programId),
      context: PROGRAMS_CONTEXT,
      command: { type: 'DefineRetentionProgram', ...input, programId },
      metadata,
      idempotency: idempotencyOf(metadata, 'DefineRetentionProgram', input),
    });
    return { programId: await idWritten(this.store, result, 'programId', programId), ...commandResult(result) };
  }
}
