import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { AgreementResult } from '../sign-agreement/sign-agreement.handler';
import { RenewAgreementBody, RenewAgreementDto } from './renew-agreement.dto';
import { renewAgreement } from './renew-agreement.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('employers')
@CommandRoute(renewAgreement)
@Controller('agreements/:agreementId/renewal')
export class RenewAgreementController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(AgreementResult)
  @ApiOperation({ summary: '협약 갱신: before or shortly after expiry, once per term' })
  @ApiBody({ type: RenewAgreementBody })
  renew(
    @Param('agreementId') agreementId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<AgreementResult> {
    const dto = dtoWithPathIds(RenewAgreementDto, body, { agreementId });
    return executeFromHttp<RenewAgreementDto, AgreementResult>(this.commandBus, this.metrics, renewAgreement, dto, req);
  }
}
