import { ApiProperty } from '@nestjs/swagger';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@saeil/core';
import { EventStore, handleCommand } from '@saeil/event-store';
import { courseStreamId, TRAINING_CONTEXT } from '@saeil/contracts';
import { commandResult, CommandResult, idempotencyOf, idWritten } from '@saeil/runtime';
import { courseDecider } from '../../domain/course.decider';
import { CreateCourseCommand } from './create-course.command';

export class CreateCourseResult extends CommandResult {
  @ApiProperty()
  courseId: string;
}

@CommandHandler(CreateCourseCommand)
export class CreateCourseHandler implements ICommandHandler<CreateCourseCommand, CreateCourseResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: CreateCourseCommand): Promise<CreateCourseResult> {
    const courseId = newId();
    const result = await handleCommand(this.store, courseDecider, {
      streamId: courseStreamId(courseId),
      context: TRAINING_CONTEXT,
      command: { type: 'CreateCourse', courseId, ...input },
      metadata,
      idempotency: idempotencyOf(metadata, 'CreateCourse', input),
    });
    return { courseId: await idWritten(this.store, result, 'courseId', courseId), ...commandResult(result) };
  }
}
