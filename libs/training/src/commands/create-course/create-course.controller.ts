import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { CreateCourseDto } from './create-course.dto';
import { createCourse } from './create-course.command';
import { CreateCourseResult } from './create-course.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('training')
@CommandRoute(createCourse)
@Controller('courses')
export class CreateCourseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(CreateCourseResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary: '직업교육훈련 과정 개설: set up a training course (provider, field, dates, hours, capacity)',
  })
  async create(
    @Body() body: CreateCourseDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreateCourseResult> {
    const result = await executeFromHttp<CreateCourseDto, CreateCourseResult>(
      this.commandBus,
      this.metrics,
      createCourse,
      body,
      req,
    );
    res.setHeader('Location', `/courses/${result.courseId}`);
    return result;
  }
}
