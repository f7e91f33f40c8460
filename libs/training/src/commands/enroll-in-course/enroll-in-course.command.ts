import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CENTER_FROM_CASE, occurredAtOfDay } from '../command-support';
import { EnrollInCourseDto } from './enroll-in-course.dto';

export class EnrollInCourseCommand {
  constructor(
    readonly input: EnrollInCourseDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const enrollInCourse: CommandDefinition<EnrollInCourseDto> = {
  type: 'EnrollInCourse',
  dto: EnrollInCourseDto,
  centerOf: () => CENTER_FROM_CASE,
  occurredAtOf: (dto) => occurredAtOfDay(dto.enrolledOn),
  build: (dto, metadata) => new EnrollInCourseCommand(dto, metadata),
};
