import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { ClientCommandResult } from '../case-command';
import { giveConsent } from './give-consent.command';
import { GiveConsentBody, GiveConsentDto } from './give-consent.dto';
import { CommandRoute } from '@saeil/identity';

@ApiTags('intake')
@CommandRoute(giveConsent)
@Controller('clients/:clientId/consents')
export class GiveConsentController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(ClientCommandResult)
  @ApiOperation({ summary: '개인정보 동의: she consented to a purpose (form version, date)' })
  @ApiBody({ type: GiveConsentBody })
  give(@Param('clientId') clientId: string, @Body() body: unknown, @Req() req: Request): Promise<ClientCommandResult> {
    return executeFromHttp<GiveConsentDto, ClientCommandResult>(
      this.commandBus,
      this.metrics,
      giveConsent,
      dtoWithPathIds(GiveConsentDto, body, { clientId }),
      req,
    );
  }
}
