import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, NotFound, ValidationFailed } from '@saeil/core';
import { EventStore, foldStream } from '@saeil/event-store';
import { courseStreamId, TrainingCourseCreatedV1, TrainingEvent } from '@saeil/contracts';
import { courseDecider, CourseState, seatsTaken } from '../../domain/course.decider';
import { GetCourseQuery } from './get-course.query';

export interface CourseView extends TrainingCourseCreatedV1 {
  /** Seats taken: enrolled or completed (a dropout frees her seat). */
  enrolled: number;
  remainingCapacity: number;
  completed: number;
  droppedOut: number;
  streamVersion: number;
}

/** A course with its seats, straight from its stream (always current: no read model to wait for). */
@QueryHandler(GetCourseQuery)
export class GetCourseHandler implements IQueryHandler<GetCourseQuery, CourseView> {
  constructor(private readonly store: EventStore) {}

  async execute({ courseId }: GetCourseQuery): Promise<CourseView> {
    if (!isUuid(courseId))
      throw new ValidationFailed([{ field: 'courseId', code: 'isUuid', message: 'courseId must be a UUID' }]);
    const history = await this.store.readStream(courseStreamId(courseId));
    const state: CourseState = foldStream<CourseState, TrainingEvent>(courseDecider, history);
    if (!state.course) throw new NotFound('직업교육훈련 과정', courseId);
    const enrollments = Object.values(state.enrollments);
    const taken = seatsTaken(state);
    return {
      ...state.course,
      enrolled: taken,
      remainingCapacity: Math.max(state.course.capacity - taken, 0),
      completed: enrollments.filter((e) => e.status === 'completed').length,
      droppedOut: enrollments.filter((e) => e.status === 'dropped_out').length,
      streamVersion: history[history.length - 1].streamVersion,
    };
  }
}
