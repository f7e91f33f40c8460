import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { DefineRetentionProgramDto } from './define-retention-program.dto';
import { defineRetentionProgram } from './define-retention-program.command';
import { DefineRetentionProgramResult } from './define-retention-program.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('programs')
@CommandRoute(defineRetentionProgram)
@Controller('retention-programs')
export class DefineRetentionProgramController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(DefineRetentionProgramResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      '사후관리 프로그램 수립: period, clients planned per milestone with benefit and unit cost, budget by funding source',
  })
  async define(
    @Body() body: DefineRetentionProgramDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DefineRetentionProgramResult> {
    const result = await executeFromHttp<DefineRetentionProgramDto, DefineRetentionProgramResult>(
      this.commandBus,
      this.metrics,
      defineRetentionProgram,
      body,
      req,
    );
    res.setHeader('Location', `/retention-programs/${result.programId}`);
    return result;
  }
}
