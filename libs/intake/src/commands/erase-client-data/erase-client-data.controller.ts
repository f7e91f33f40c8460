import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { CommandRoute } from '@saeil/identity';
import { ErasureResult } from '../../erasure/erase-client-data';
import { eraseClientDataCommand } from './erase-client-data.command';
import { EraseClientDataBody, EraseClientDataDto } from './erase-client-data.dto';

@ApiTags('intake')
@CommandRoute(eraseClientDataCommand)
@Controller('clients/:clientId/erasure')
export class EraseClientDataController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiAnswer(ErasureResult)
  @ApiOperation({
    summary:
      '개인정보 파기: destroy her data key (her name, birth date and phone become unreadable everywhere), record ClientDataErased; counts stay. Again on an erased client: 200 with the first erasure (duplicate: true)',
  })
  @ApiBody({ type: EraseClientDataBody })
  erase(@Param('clientId') clientId: string, @Body() body: unknown, @Req() req: Request): Promise<ErasureResult> {
    const dto = dtoWithPathIds(EraseClientDataDto, body, { clientId });
    return executeFromHttp<EraseClientDataDto, ErasureResult>(
      this.commandBus,
      this.metrics,
      eraseClientDataCommand,
      dto,
      req,
    );
  }
}
