import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { TraineeResult } from '../command-support';
import { CompleteTrainingBody, CompleteTrainingDto } from './complete-training.dto';
import { completeTraining } from './complete-training.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('training')
@CommandRoute(completeTraining)
@Controller('courses')
export class CompleteTrainingController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post(':courseId/completions')
  @HttpCode(201)
  @ApiAnswer(TraineeResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '수료: she completed the course' })
  @ApiBody({ type: CompleteTrainingBody })
  async record(
    @Param('courseId') courseId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<TraineeResult> {
    const dto = dtoWithPathIds(CompleteTrainingDto, body, { courseId });
    const result = await executeFromHttp<CompleteTrainingDto, TraineeResult>(
      this.commandBus,
      this.metrics,
      completeTraining,
      dto,
      req,
    );
    return result;
  }
}
