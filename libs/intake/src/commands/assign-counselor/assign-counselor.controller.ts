import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { caseCommandDto, ClientCommandResult } from '../case-command';
import { assignCounselor } from './assign-counselor.command';
import { AssignCounselorBody, AssignCounselorDto } from './assign-counselor.dto';

@ApiTags('intake')
@Controller('clients/:clientId/assignment')
export class AssignCounselorController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '담당자 배정/이관: assign her case to a counselor, at this center or another' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  assign(@Param('clientId') clientId: string, @Body() body: AssignCounselorBody, @Req() req: Request): Promise<ClientCommandResult> {
    const dto = caseCommandDto(AssignCounselorDto, clientId, body);
    return executeFromHttp<AssignCounselorDto, ClientCommandResult>(this.commandBus, this.metrics, assignCounselor, dto, req);
  }
}
