import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { ClientCommandResult } from '../case-command';
import { reopenCase } from './reopen-case.command';
import { ReopenCaseBody, ReopenCaseDto } from './reopen-case.dto';
import { CommandRoute } from '@saeil/identity';

@ApiTags('intake')
@CommandRoute(reopenCase)
@Controller('clients/:clientId/reopening')
export class ReopenCaseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(ClientCommandResult)
  @ApiOperation({ summary: '사례 재개: reopen her closed case with a reason' })
  @ApiBody({ type: ReopenCaseBody })
  reopen(
    @Param('clientId') clientId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<ClientCommandResult> {
    const dto = dtoWithPathIds(ReopenCaseDto, body, { clientId });
    return executeFromHttp<ReopenCaseDto, ClientCommandResult>(this.commandBus, this.metrics, reopenCase, dto, req);
  }
}
