import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request } from 'express';
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
  async sign(@Body() body: SignAgreementDto, @Req() req: Request): Promise<AgreementResult> {
    const result = await executeFromHttp<SignAgreementDto, AgreementResult>(
      this.commandBus,
      this.metrics,
      signAgreement,
      body,
      req,
    );
    return result;
  }
}
