import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { ClientCommandResult } from '../case-command';
import { assignCounselor } from './assign-counselor.command';
import { AssignCounselorBody, AssignCounselorDto } from './assign-counselor.dto';
import { CommandRoute } from '@saeil/identity';

@ApiTags('intake')
@CommandRoute(assignCounselor)
@Controller('clients/:clientId/assignment')
export class AssignCounselorController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(ClientCommandResult)
  @ApiOperation({ summary: '담당자 배정/이관: assign her case to a counselor, at this center or another' })
  @ApiBody({ type: AssignCounselorBody })
  assign(
    @Param('clientId') clientId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<ClientCommandResult> {
    const dto = dtoWithPathIds(AssignCounselorDto, body, { clientId });
    return executeFromHttp<AssignCounselorDto, ClientCommandResult>(
      this.commandBus,
      this.metrics,
      assignCounselor,
      dto,
      req,
    );
  }
}
