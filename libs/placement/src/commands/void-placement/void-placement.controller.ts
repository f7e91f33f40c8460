import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { PlacementChangeResult } from '../end-employment/end-employment.handler';
import { VoidPlacementBody, VoidPlacementDto } from './void-placement.dto';
import { voidPlacement } from './void-placement.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('placement')
@CommandRoute(voidPlacement)
@Controller('clients/:clientId/placements/:placementId/void')
export class VoidPlacementController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(PlacementChangeResult)
  @ApiOperation({
    summary: '취업 기록 취소: a placement entered by mistake stops counting anywhere and frees the active slot',
  })
  @ApiBody({ type: VoidPlacementBody })
  void(
    @Param('clientId') clientId: string,
    @Param('placementId') placementId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<PlacementChangeResult> {
    const dto = dtoWithPathIds(VoidPlacementDto, body, { clientId, placementId });
    return executeFromHttp<VoidPlacementDto, PlacementChangeResult>(
      this.commandBus,
      this.metrics,
      voidPlacement,
      dto,
      req,
    );
  }
}
