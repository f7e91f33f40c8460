import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { AmendRetentionProgramBody, AmendRetentionProgramDto } from './amend-retention-program.dto';
import { amendRetentionProgram } from './amend-retention-program.command';
import { AmendRetentionProgramResult } from './amend-retention-program.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('programs')
@CommandRoute(amendRetentionProgram)
@Controller('retention-programs/:programId/amendments')
export class AmendRetentionProgramController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(AmendRetentionProgramResult)
  @ApiOperation({
    summary: '사후관리 프로그램 변경: the whole new plan and budget (a new revision; what was given stays within it)',
  })
  @ApiBody({ type: AmendRetentionProgramBody })
  amend(
    @Param('programId') programId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<AmendRetentionProgramResult> {
    const dto = dtoWithPathIds(AmendRetentionProgramDto, body, { programId });
    return executeFromHttp<AmendRetentionProgramDto, AmendRetentionProgramResult>(
      this.commandBus,
      this.metrics,
      amendRetentionProgram,
      dto,
      req,
    );
  }
}
