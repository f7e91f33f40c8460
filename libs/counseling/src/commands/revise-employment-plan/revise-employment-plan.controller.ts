import { Body, Controller, HttpCode, Param, Patch, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ReviseEmploymentPlanBody, ReviseEmploymentPlanDto } from './revise-employment-plan.dto';
import { reviseEmploymentPlan } from './revise-employment-plan.command';
import { ReviseEmploymentPlanResult } from './revise-employment-plan.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('counseling')
@CommandRoute(reviseEmploymentPlan)
@Controller('clients/:clientId/employment-plan')
export class ReviseEmploymentPlanController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Patch()
  @HttpCode(200)
  @ApiAnswer(ReviseEmploymentPlanResult)
  @ApiOperation({ summary: '취업지원계획 변경: revise parts of her employment plan, with the reason' })
  @ApiBody({ type: ReviseEmploymentPlanBody })
  revise(
    @Param('clientId') clientId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<ReviseEmploymentPlanResult> {
    const dto = dtoWithPathIds(ReviseEmploymentPlanDto, body, { clientId });
    return executeFromHttp<ReviseEmploymentPlanDto, ReviseEmploymentPlanResult>(
      this.commandBus,
      this.metrics,
      reviseEmploymentPlan,
      dto,
      req,
    );
  }
}
