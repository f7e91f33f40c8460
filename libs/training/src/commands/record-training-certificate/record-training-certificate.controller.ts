import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { TraineeResult } from '../command-support';
import { RecordTrainingCertificateBody, RecordTrainingCertificateDto } from './record-training-certificate.dto';
import { recordTrainingCertificate } from './record-training-certificate.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('training')
@CommandRoute(recordTrainingCertificate)
@Controller('courses')
export class RecordTrainingCertificateController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post(':courseId/certificates')
  @HttpCode(201)
  @ApiAnswer(TraineeResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '자격증 취득: she obtained a certificate through the course' })
  @ApiBody({ type: RecordTrainingCertificateBody })
  async record(
    @Param('courseId') courseId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<TraineeResult> {
    const dto = dtoWithPathIds(RecordTrainingCertificateDto, body, { courseId });
    const result = await executeFromHttp<RecordTrainingCertificateDto, TraineeResult>(
      this.commandBus,
      this.metrics,
      recordTrainingCertificate,
      dto,
      req,
    );
    return result;
  }
}
