import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { InternshipResult } from '../command-support';
import { PayInternshipSubsidyBody, PayInternshipSubsidyDto } from './pay-internship-subsidy.dto';
import { payInternshipSubsidy } from './pay-internship-subsidy.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('internship')
@CommandRoute(payInternshipSubsidy)
@Controller('internships')
export class PayInternshipSubsidyController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post(':internshipId/subsidy-payments')
  @HttpCode(201)
  @ApiAnswer(InternshipResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      '인턴 지원금 지급: a payment of the subsidy schedule configured for the program year and region of the internship',
  })
  @ApiBody({ type: PayInternshipSubsidyBody })
  async record(
    @Param('internshipId') internshipId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<InternshipResult> {
    const dto = dtoWithPathIds(PayInternshipSubsidyDto, body, { internshipId });
    const result = await executeFromHttp<PayInternshipSubsidyDto, InternshipResult>(
      this.commandBus,
      this.metrics,
      payInternshipSubsidy,
      dto,
      req,
    );
    return result;
  }
}
