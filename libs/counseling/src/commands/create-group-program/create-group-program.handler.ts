import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EventStore, handleCommand } from '@saeil/event-store';
import { COUNSELING_CONTEXT, groupProgramStreamId } from '@saeil/contracts';
import { commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { groupProgramDecider } from '../../domain/group-program.decider';
import { CreateGroupProgramCommand } from './create-group-program.command';

export class CreateGroupProgramResult extends CommandResult {
  @ApiProperty()
  programId: string;
}

@CommandHandler(CreateGroupProgramCommand)
export class CreateGroupProgramHandler implements ICommandHandler<CreateGroupProgramCommand, CreateGroupProgramResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: CreateGroupProgramCommand): Promise<CreateGroupProgramResult> {
    const programId = randomUUID();
    const result = await handleCommand(this.store, groupProgramDecider, {
      streamId: groupProgramStreamId(programId),
      context: COUNSELING_CONTEXT,
      command: { type: 'CreateGroupProgram', programId, ...input },
      metadata,
      idempotency: idempotencyOf(metadata, 'CreateGroupProgram', input),
    });
    return { programId: await idWritten(this.store, result, 'programId', programId), ...commandResult(result) };
  }
}
