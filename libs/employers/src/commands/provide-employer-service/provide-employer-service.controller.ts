import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { EmployerResult } from '../register-employer/register-employer.handler';
import { ProvideEmployerServiceBody, ProvideEmployerServiceDto } from './provide-employer-service.dto';
import { provideEmployerService } from './provide-employer-service.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('employers')
@CommandRoute(provideEmployerService)
@Controller('employers/:employerId/services')
export class ProvideEmployerServiceController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(EmployerResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      '채용기업 사후관리: gender-equality training, consulting or workplace-improvement support given to an employer',
  })
  @ApiBody({ type: ProvideEmployerServiceBody })
  async provide(
    @Param('employerId') employerId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<EmployerResult> {
    const dto = dtoWithPathIds(ProvideEmployerServiceDto, body, { employerId });
    const result = await executeFromHttp<ProvideEmployerServiceDto, EmployerResult>(
      this.commandBus,
      this.metrics,
      provideEmployerService,
      dto,
      req,
    );
    return result;
  }
}
