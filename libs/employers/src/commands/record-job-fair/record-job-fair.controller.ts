import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request } from 'express';
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
  async record(@Body() body: RecordJobFairDto, @Req() req: Request): Promise<JobFairResult> {
    const result = await executeFromHttp<RecordJobFairDto, JobFairResult>(
      this.commandBus,
      this.metrics,
      recordJobFair,
      body,
      req,
    );
    return result;
  }
}
