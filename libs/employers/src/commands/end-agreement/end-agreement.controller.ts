import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { AgreementResult } from '../sign-agreement/sign-agreement.handler';
import { EndAgreementBody, EndAgreementDto } from './end-agreement.dto';
import { endAgreement } from './end-agreement.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('employers')
@CommandRoute(endAgreement)
@Controller('agreements/:agreementId/end')
export class EndAgreementController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(AgreementResult)
  @ApiOperation({ summary: '협약 종료: an agreement ended (terminated, or not renewed)' })
  @ApiBody({ type: EndAgreementBody })
  end(@Param('agreementId') agreementId: string, @Body() body: unknown, @Req() req: Request): Promise<AgreementResult> {
    const dto = dtoWithPathIds(EndAgreementDto, body, { agreementId });
    return executeFromHttp<EndAgreementDto, AgreementResult>(this.commandBus, this.metrics, endAgreement, dto, req);
  }
}
