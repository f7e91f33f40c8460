import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { TraineeResult } from '../command-support';
import { RecordTrainingDropoutBody, RecordTrainingDropoutDto } from './record-training-dropout.dto';
import { recordTrainingDropout } from './record-training-dropout.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('training')
@CommandRoute(recordTrainingDropout)
@Controller('courses')
export class RecordTrainingDropoutController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post(':courseId/dropouts')
  @HttpCode(201)
  @ApiAnswer(TraineeResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '중도탈락: she left the course before completing it (frees her seat)' })
  @ApiBody({ type: RecordTrainingDropoutBody })
  async record(
    @Param('courseId') courseId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<TraineeResult> {
    const dto = dtoWithPathIds(RecordTrainingDropoutDto, body, { courseId });
    const result = await executeFromHttp<RecordTrainingDropoutDto, TraineeResult>(
      this.commandBus,
      this.metrics,
      recordTrainingDropout,
      dto,
      req,
    );
    return result;
  }
}
