import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { occurredAtOfDay } from '@saeil/core';
import { EnrollInCourseDto } from './enroll-in-course.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class EnrollInCourseCommand {
  constructor(
    readonly input: EnrollInCourseDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const enrollInCourse: CommandDefinition<EnrollInCourseDto> = {
  type: 'EnrollInCourse',
  dto: EnrollInCourseDto,
  access: {
    roles: [...CASE_WORKERS],
    records: [
      { kind: 'course', field: 'courseId' },
      { kind: 'client', field: 'clientId' },
    ],
  },
  occurredAtOf: (dto) => occurredAtOfDay(dto.enrolledOn),
  build: (dto, metadata) => new EnrollInCourseCommand(dto, metadata),
};
