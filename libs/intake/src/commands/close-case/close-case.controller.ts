import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { ClientCommandResult } from '../case-command';
import { closeCase } from './close-case.command';
import { CloseCaseBody, CloseCaseDto } from './close-case.dto';
import { CommandRoute } from '@saeil/identity';

@ApiTags('intake')
@CommandRoute(closeCase)
@Controller('clients/:clientId/closure')
export class CloseCaseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(ClientCommandResult)
  @ApiOperation({ summary: '사례 종결: close her case with a reason' })
  @ApiBody({ type: CloseCaseBody })
  close(@Param('clientId') clientId: string, @Body() body: unknown, @Req() req: Request): Promise<ClientCommandResult> {
    const dto = dtoWithPathIds(CloseCaseDto, body, { clientId });
    return executeFromHttp<CloseCaseDto, ClientCommandResult>(this.commandBus, this.metrics, closeCase, dto, req);
  }
}
