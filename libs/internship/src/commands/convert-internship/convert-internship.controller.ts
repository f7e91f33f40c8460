import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { InternshipResult } from '../command-support';
import { ConvertInternshipBody, ConvertInternshipDto } from './convert-internship.dto';
import { convertInternship } from './convert-internship.command';
import { CommandRoute } from '@saeil/identity';

@ApiTags('internship')
@CommandRoute(convertInternship)
@Controller('internships')
export class ConvertInternshipController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post(':internshipId/conversion')
  @HttpCode(200)
  @ApiAnswer(InternshipResult)
  @ApiOperation({
    summary:
      '정규직 전환: the employer hires her (an active internship, or one completed within the configured window)',
  })
  @ApiBody({ type: ConvertInternshipBody })
  async record(
    @Param('internshipId') internshipId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<InternshipResult> {
    const dto = dtoWithPathIds(ConvertInternshipDto, body, { internshipId });
    const result = await executeFromHttp<ConvertInternshipDto, InternshipResult>(
      this.commandBus,
      this.metrics,
      convertInternship,
      dto,
      req,
    );
    return result;
  }
}
