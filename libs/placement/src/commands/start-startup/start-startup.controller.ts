import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { StartStartupBody, StartStartupDto } from './start-startup.dto';
import { startStartup } from './start-startup.command';
import { StartupResult } from './start-startup.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('placement')
@CommandRoute(startStartup)
@Controller('clients/:clientId/startups')
export class StartStartupController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(StartupResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '창업 기록: she started a business (an outcome of its own)' })
  @ApiBody({ type: StartStartupBody })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the first result' })
  async start(@Param('clientId') clientId: string, @Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<StartupResult> {
    const dto = dtoWithPathIds(StartStartupDto, body, { clientId });
    const result = await executeFromHttp<StartStartupDto, StartupResult>(this.commandBus, this.metrics, startStartup, dto, req);
    if (result.duplicate) res.status(200);
    return result;
  }
}
