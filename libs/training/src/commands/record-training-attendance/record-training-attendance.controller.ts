import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { TraineeResult } from '../command-support';
import { RecordTrainingAttendanceBody, RecordTrainingAttendanceDto } from './record-training-attendance.dto';
import { recordTrainingAttendance } from './record-training-attendance.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('training')
@CommandRoute(recordTrainingAttendance)
@Controller('courses')
export class RecordTrainingAttendanceController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post(':courseId/attendance')
  @HttpCode(201)
  @ApiAnswer(TraineeResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '출결 기록: her attendance on one course day (a different value for a recorded day corrects it)' })
  @ApiBody({ type: RecordTrainingAttendanceBody })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the first result' })
  async record(@Param('courseId') courseId: string, @Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<TraineeResult> {
    const dto = dtoWithPathIds(RecordTrainingAttendanceDto, body, { courseId });
    const result = await executeFromHttp<RecordTrainingAttendanceDto, TraineeResult>(this.commandBus, this.metrics, recordTrainingAttendance, dto, req);
    if (result.duplicate) res.status(200);
    return result;
  }
}
