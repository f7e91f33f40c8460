import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { caseCommandDto, ClientCommandResult } from '../case-command';
import { reopenCase } from './reopen-case.command';
import { ReopenCaseBody, ReopenCaseDto } from './reopen-case.dto';

@ApiTags('intake')
@Controller('clients/:clientId/reopening')
export class ReopenCaseController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '사례 재개: reopen her closed case with a reason' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  reopen(@Param('clientId') clientId: string, @Body() body: ReopenCaseBody, @Req() req: Request): Promise<ClientCommandResult> {
    const dto = caseCommandDto(ReopenCaseDto, clientId, body);
    return executeFromHttp<ReopenCaseDto, ClientCommandResult>(this.commandBus, this.metrics, reopenCase, dto, req);
  }
}
