import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
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
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the first result' })
  async record(@Param('courseId') courseId: string, @Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TraineeResult> {
    const dto = dtoWithPathIds(RecordTrainingDropoutDto, body, { courseId });
    const result = await executeFromHttp<RecordTrainingDropoutDto, TraineeResult>(this.commandBus, this.metrics, recordTrainingDropout, dto, req);
    if (result.duplicate) res.status(200);
    return result;
  }
}
