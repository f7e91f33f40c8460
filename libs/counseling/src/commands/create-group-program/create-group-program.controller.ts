import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { CreateGroupProgramDto } from './create-group-program.dto';
import { createGroupProgram } from './create-group-program.command';
import { CreateGroupProgramResult } from './create-group-program.handler';
import { CommandRoute } from '@saeil/identity';

@ApiTags('counseling')
@CommandRoute(createGroupProgram)
@Controller('group-programs')
export class CreateGroupProgramController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(CreateGroupProgramResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary: '집단상담 프로그램 개설: create a group program (e.g. 취업 솔루션, 18 sessions, 200 participants)',
  })
  async create(
    @Body() body: CreateGroupProgramDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreateGroupProgramResult> {
    const result = await executeFromHttp<CreateGroupProgramDto, CreateGroupProgramResult>(
      this.commandBus,
      this.metrics,
      createGroupProgram,
      body,
      req,
    );
    res.setHeader('Location', `/group-programs/${result.programId}`);
    return result;
  }
}
