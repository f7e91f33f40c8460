import type { EventMetadata } from '@saeil/event-store';
import type { CommandDefinition } from '@saeil/runtime';
import { CreateCourseDto } from './create-course.dto';
import { CASE_WORKERS } from '@saeil/identity';

export class CreateCourseCommand {
  constructor(
    readonly input: CreateCourseDto,
    readonly metadata: EventMetadata,
  ) {}
}

export const createCourse: CommandDefinition<CreateCourseDto> = {
  type: 'CreateCourse',
  dto: CreateCourseDto,
  access: { roles: [...CASE_WORKERS] },
  centerOf: (dto) => dto.centerId,
  build: (dto, metadata) => new CreateCourseCommand(dto, metadata),
};
