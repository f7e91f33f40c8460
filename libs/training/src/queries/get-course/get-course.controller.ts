import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import { GetCourseQuery } from './get-course.query';
import { CourseResponse } from './course.response';
import { CourseView } from './get-course.handler';
import { CASE_READERS, Roles, ScopedRecords } from '@saeil/identity';

@ApiTags('training')
@Roles(...CASE_READERS)
@ScopedRecords({ kind: 'course', param: 'courseId' })
@Controller('courses')
export class GetCourseController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':courseId')
  @ApiOperation({ summary: 'A training course with its enrolled count and remaining capacity' })
  @ApiAnswer(CourseResponse)
  find(@Param('courseId') courseId: string): Promise<CourseResponse> {
    return this.queryBus.execute<GetCourseQuery, CourseView>(new GetCourseQuery(courseId));
  }
}
