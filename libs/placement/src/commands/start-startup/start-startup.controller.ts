import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
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
  async start(@Param('clientId') clientId: string, @Body() body: unknown, @Req() req: Request): Promise<StartupResult> {
    const dto = dtoWithPathIds(StartStartupDto, body, { clientId });
    const result = await executeFromHttp<StartStartupDto, StartupResult>(
      this.commandBus,
      this.metrics,
      startStartup,
      dto,
      req,
    );
    return result;
  }
}
