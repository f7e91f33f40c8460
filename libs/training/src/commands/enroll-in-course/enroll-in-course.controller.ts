import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { TraineeResult } from '../command-support';
import { EnrollInCourseBody, EnrollInCourseDto } from './enroll-in-course.dto';
import { enrollInCourse } from './enroll-in-course.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('training')
@CommandRoute(enrollInCourse)
@Controller('courses')
export class EnrollInCourseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post(':courseId/enrollments')
  @HttpCode(201)
  @ApiAnswer(TraineeResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary: '수강 등록: enroll her in a course (within capacity, not after it ended; needs her service consent)',
  })
  @ApiBody({ type: EnrollInCourseBody })
  async record(
    @Param('courseId') courseId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<TraineeResult> {
    const dto = dtoWithPathIds(EnrollInCourseDto, body, { courseId });
    const result = await executeFromHttp<EnrollInCourseDto, TraineeResult>(
      this.commandBus,
      this.metrics,
      enrollInCourse,
      dto,
      req,
    );
    return result;
  }
}
