import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { SetEmploymentPlanBody, SetEmploymentPlanDto } from './set-employment-plan.dto';
import { setEmploymentPlan } from './set-employment-plan.command';
import { EmploymentPlanResult } from './set-employment-plan.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('counseling')
@CommandRoute(setEmploymentPlan)
@Controller('clients/:clientId/employment-plan')
export class SetEmploymentPlanController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(EmploymentPlanResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary: '개인별 취업지원계획 수립: set her employment plan (once; revise it afterwards with PATCH)',
  })
  @ApiBody({ type: SetEmploymentPlanBody })
  async set(
    @Param('clientId') clientId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<EmploymentPlanResult> {
    const dto = dtoWithPathIds(SetEmploymentPlanDto, body, { clientId });
    const result = await executeFromHttp<SetEmploymentPlanDto, EmploymentPlanResult>(
      this.commandBus,
      this.metrics,
      setEmploymentPlan,
      dto,
      req,
    );
    return result;
  }
}
