import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { RegisterEmployerDto } from './register-employer.dto';
import { registerEmployer } from './register-employer.command';
import { EmployerResult } from './register-employer.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('employers')
@CommandRoute(registerEmployer)
@Controller('employers')
export class RegisterEmployerController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(EmployerResult, { status: 201, duplicate: 200 })
  @ApiOperation({ summary: '구인업체 등록: one registration per business registration number' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeat a request safely: the same key returns the first result' })
  async register(@Body() body: RegisterEmployerDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<EmployerResult> {
    const result = await executeFromHttp<RegisterEmployerDto, EmployerResult>(this.commandBus, this.metrics, registerEmployer, body, req);
    if (result.duplicate) res.status(200);
    return result;
  }
}
