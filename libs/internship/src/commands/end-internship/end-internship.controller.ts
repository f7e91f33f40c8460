import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { InternshipResult } from '../command-support';
import { EndInternshipBody, EndInternshipDto } from './end-internship.dto';
import { endInternship } from './end-internship.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('internship')
@CommandRoute(endInternship)
@Controller('internships')
export class EndInternshipController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post(':internshipId/end')
  @HttpCode(200)
  @ApiAnswer(InternshipResult)
  @ApiOperation({ summary: '인턴 종료: the internship ended (completed, quit, dismissed, other)' })
  @ApiBody({ type: EndInternshipBody })
  async record(
    @Param('internshipId') internshipId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<InternshipResult> {
    const dto = dtoWithPathIds(EndInternshipDto, body, { internshipId });
    const result = await executeFromHttp<EndInternshipDto, InternshipResult>(
      this.commandBus,
      this.metrics,
      endInternship,
      dto,
      req,
    );
    return result;
  }
}
