import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
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
  occurredAtOf: (dto) => occurredAtOfDay(dto.enrolledOn),
  build: (dto, metadata) => new EnrollInCourseCommand(dto, metadata),
};
