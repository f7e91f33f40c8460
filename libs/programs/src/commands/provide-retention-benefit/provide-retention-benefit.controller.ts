import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ProvideRetentionBenefitBody, ProvideRetentionBenefitDto } from './provide-retention-benefit.dto';
import { provideRetentionBenefit } from './provide-retention-benefit.command';
import { ProvideRetentionBenefitResult } from './provide-retention-benefit.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('programs')
@CommandRoute(provideRetentionBenefit)
@Controller('retention-programs/:programId/benefits')
export class ProvideRetentionBenefitController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(ProvideRetentionBenefitResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      '사후관리 프로그램 지원: a placed client receives the milestone benefit (over the plan only with overPlan.reason: 422 PROGRAM_PLAN_EXCEEDED otherwise)',
  })
  @ApiBody({ type: ProvideRetentionBenefitBody })
  async provide(
    @Param('programId') programId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<ProvideRetentionBenefitResult> {
    const dto = dtoWithPathIds(ProvideRetentionBenefitDto, body, { programId });
    const result = await executeFromHttp<ProvideRetentionBenefitDto, ProvideRetentionBenefitResult>(
      this.commandBus,
      this.metrics,
      provideRetentionBenefit,
      dto,
      req,
    );
    return result;
  }
}
