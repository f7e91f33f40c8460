import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CONSENT_PURPOSES } from '@saeil/contracts';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { ClientCommandResult } from '../case-command';
import { withdrawConsent } from './withdraw-consent.command';
import { WithdrawConsentBody, WithdrawConsentDto } from './withdraw-consent.dto';
import { CommandRoute } from '@saeil/identity';

@ApiTags('intake')
@CommandRoute(withdrawConsent)
@Controller('clients/:clientId/consents/:purpose/withdrawal')
export class WithdrawConsentController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(ClientCommandResult)
  @ApiOperation({ summary: '동의 철회: she withdrew a consent; processing that needs it is refused from now on' })
  @ApiParam({ name: 'purpose', enum: CONSENT_PURPOSES })
  @ApiBody({ type: WithdrawConsentBody })
  withdraw(
    @Param('clientId') clientId: string,
    @Param('purpose') purpose: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<ClientCommandResult> {
    const dto = dtoWithPathIds(WithdrawConsentDto, body, { clientId, purpose });
    return executeFromHttp<WithdrawConsentDto, ClientCommandResult>(
      this.commandBus,
      this.metrics,
      withdrawConsent,
      dto,
      req,
    );
  }
}
