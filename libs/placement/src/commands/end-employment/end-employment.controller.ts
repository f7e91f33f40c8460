import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { EndEmploymentBody, EndEmploymentDto } from './end-employment.dto';
import { endEmployment } from './end-employment.command';
import { PlacementChangeResult } from './end-employment.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('placement')
@CommandRoute(endEmployment)
@Controller('clients/:clientId/placements/:placementId/end')
export class EndEmploymentController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(PlacementChangeResult)
  @ApiOperation({ summary: '퇴사 기록: her employment ended, with the reason' })
  @ApiBody({ type: EndEmploymentBody })
  end(
    @Param('clientId') clientId: string,
    @Param('placementId') placementId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<PlacementChangeResult> {
    const dto = dtoWithPathIds(EndEmploymentDto, body, { clientId, placementId });
    return executeFromHttp<EndEmploymentDto, PlacementChangeResult>(
      this.commandBus,
      this.metrics,
      endEmployment,
      dto,
      req,
    );
  }
}
