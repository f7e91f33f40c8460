import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, handleCommand } from '@saeil/event-store';
import { courseStreamId, TRAINING_CONTEXT } from '@saeil/contracts';
import { courseDecider } from '../../domain/course.decider';
import { newCourseId } from '../command-support';
import { CreateCourseCommand } from './create-course.command';

export interface CreateCourseResult {
  courseId: string;
  streamVersion: number;
  position: number;
  duplicate: boolean;
}

@CommandHandler(CreateCourseCommand)
export class CreateCourseHandler implements ICommandHandler<CreateCourseCommand, CreateCourseResult> {
  constructor(private readonly store: EventStore) {}

  async execute({ input, metadata }: CreateCourseCommand): Promise<CreateCourseResult> {
    const courseId = newCourseId();
    const result = await handleCommand(this.store, courseDecider, {
      streamId: courseStreamId(courseId),
      context: TRAINING_CONTEXT,
      command: { type: 'CreateCourse', courseId, ...input },
      metadata,
      idempotency: metadata.idempotencyKey ? { key: metadata.idempotencyKey, commandType: 'CreateCourse', request: input } : undefined,
    });
    return {
      // On a repeated idempotency key the id is the first command's, read back from its stream.
      courseId: result.streamId.replace(/^course-/, ''),
      streamVersion: result.streamVersion,
      position: result.globalPosition,
      duplicate: result.duplicate,
    };
  }
}
