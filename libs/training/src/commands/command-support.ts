import { ApiProperty } from '@nestjs/swagger';
import { EventMetadata, EventStore, handleCommand } from '@saeil/event-store';
import { courseStreamId, TRAINING_CONTEXT } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { actingFor, commandResult, CommandResult, idempotencyOf } from '@saeil/runtime';
import { CourseCommand, courseDecider } from '../domain/course.decider';
import type { TraineeIds } from './trainee-ids';

export class TraineeResult extends CommandResult {
  @ApiProperty()
  courseId: string;
  @ApiProperty()
  clientId: string;
}

type WithoutContext<C> = C extends unknown ? Omit<C, 'courseId' | 'clientId' | 'case' | 'today'> : never;

/**
 * Load her case → decide on the course → append to the course stream, acting for the center of
 * her case and guarded by it: a case closed (or consent withdrawn) meanwhile makes it a 409, and
 * so does another enrollment in the same course written meanwhile (the capacity is never exceeded).
 */
export async function decideForTrainee(
  store: EventStore,
  /** The validated DTO: its ids, and the request an idempotency key is checked against. */
  input: TraineeIds,
  command: WithoutContext<Exclude<CourseCommand, { type: 'CreateCourse' }>>,
  metadata: EventMetadata,
  /** Today in Korea, from the caller's injected Clock (SAEIL_CLOCK_TODAY pins it). */
  today: string,
): Promise<TraineeResult> {
  const loaded = await loadCase(store, input.clientId);
  const result = await handleCommand(store, courseDecider, {
    streamId: courseStreamId(input.courseId),
    context: TRAINING_CONTEXT,
    command: {
      ...command,
      courseId: input.courseId,
      clientId: input.clientId,
      case: loaded.state,
      today,
    } as CourseCommand,
    metadata: actingFor(metadata, loaded.state.centerId),
    idempotency: idempotencyOf(metadata, command.type, input),
    guards: [loaded.guard],
  });
  return { courseId: input.courseId, clientId: input.clientId, ...commandResult(result) };
}
