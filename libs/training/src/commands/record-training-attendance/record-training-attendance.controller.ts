import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
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
  @ApiOperation({
    summary: '출결 기록: her attendance on one course day (a different value for a recorded day corrects it)',
  })
  @ApiBody({ type: RecordTrainingAttendanceBody })
  async record(
    @Param('courseId') courseId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<TraineeResult> {
    const dto = dtoWithPathIds(RecordTrainingAttendanceDto, body, { courseId });
    const result = await executeFromHttp<RecordTrainingAttendanceDto, TraineeResult>(
      this.commandBus,
      this.metrics,
      recordTrainingAttendance,
      dto,
      req,
    );
    return result;
  }
}
