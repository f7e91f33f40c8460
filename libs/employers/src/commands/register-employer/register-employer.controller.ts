import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request } from 'express';
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
  async register(@Body() body: RegisterEmployerDto, @Req() req: Request): Promise<EmployerResult> {
    const result = await executeFromHttp<RegisterEmployerDto, EmployerResult>(
      this.commandBus,
      this.metrics,
      registerEmployer,
      body,
      req,
    );
    return result;
  }
}
