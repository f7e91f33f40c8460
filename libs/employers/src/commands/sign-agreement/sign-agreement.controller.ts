import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { SignAgreementDto } from './sign-agreement.dto';
import { signAgreement } from './sign-agreement.command';
import { AgreementResult } from './sign-agreement.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('employers')
@CommandRoute(signAgreement)
@Controller('agreements')
export class SignAgreementController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(AgreementResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '협약 체결: a women-friendly-company agreement (≈3 years) or an institution MOU' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the first result' })
  async sign(@Body() body: SignAgreementDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AgreementResult> {
    const result = await executeFromHttp<SignAgreementDto, AgreementResult>(this.commandBus, this.metrics, signAgreement, body, req);
    if (result.duplicate) res.status(200);
    return result;
  }
}
