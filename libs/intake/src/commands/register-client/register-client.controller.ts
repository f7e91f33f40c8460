import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { RegisterClientDto } from './register-client.dto';
import { registerClient } from './register-client.command';
import { RegisterClientResult } from './register-client.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('intake')
@CommandRoute(registerClient)
@Controller('clients')
export class RegisterClientController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(RegisterClientResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '구직등록: register a client (intake)' })
  async register(
    @Body() body: RegisterClientDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegisterClientResult> {
    const result = await executeFromHttp<RegisterClientDto, RegisterClientResult>(
      this.commandBus,
      this.metrics,
      registerClient,
      body,
      req,
    );
    res.setHeader('Location', `/clients/${result.clientId}`);
    return result;
  }
}
