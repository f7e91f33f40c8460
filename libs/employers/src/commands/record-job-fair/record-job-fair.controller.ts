import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { RecordJobFairDto } from './record-job-fair.dto';
import { recordJobFair } from './record-job-fair.command';
import { JobFairResult } from './record-job-fair.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('employers')
@CommandRoute(recordJobFair)
@Controller('job-fairs')
export class RecordJobFairController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(JobFairResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '취업박람회: a job fair held (companies, applicants, hires ≤ applicants)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the first result' })
  async record(@Body() body: RecordJobFairDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<JobFairResult> {
    const result = await executeFromHttp<RecordJobFairDto, JobFairResult>(this.commandBus, this.metrics, recordJobFair, body, req);
    if (result.duplicate) res.status(200);
    return result;
  }
}
