import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '@saeil/core';
import type { Request, Response } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { InternshipResult } from '../command-support';
import { StartInternshipDto } from './start-internship.dto';
import { startInternship } from './start-internship.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('internship')
@CommandRoute(startInternship)
@Controller('internships')
export class StartInternshipController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiAnswer(InternshipResult, { status: 201, duplicate: 200 })
  @ApiOperation({
    summary:
      '새일여성인턴 시작: she starts an internship with an employer (one active at a time; needs her service and employer-sharing consents)',
  })
  async start(
    @Body() body: StartInternshipDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InternshipResult> {
    const result = await executeFromHttp<StartInternshipDto, InternshipResult>(
      this.commandBus,
      this.metrics,
      startInternship,
      body,
      req,
    );
    res.setHeader('Location', `/internships/${result.internshipId}`);
    return result;
  }
}
