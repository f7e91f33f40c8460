import { Body, Controller, HttpCode, Param, Patch, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { ApiAnswer, dtoWithPathIds } from '@saeil/core';
import { ClientCommandResult } from '../case-command';
import { updateClientProfile } from './update-client-profile.command';
import { UpdateClientProfileBody, UpdateClientProfileDto } from './update-client-profile.dto';
import { CommandRoute } from '@saeil/identity';

@ApiTags('intake')
@CommandRoute(updateClientProfile)
@Controller('clients/:clientId/profile')
export class UpdateClientProfileController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Patch()
  @HttpCode(200)
  @ApiAnswer(ClientCommandResult)
  @ApiOperation({ summary: '프로필 수정: change profile fields (only the ones sent; needs the service consent)' })
  @ApiBody({ type: UpdateClientProfileBody })
  update(
    @Param('clientId') clientId: string,
    @Body() body: unknown,
    @Req() req: Request,
  ): Promise<ClientCommandResult> {
    const dto = dtoWithPathIds(UpdateClientProfileDto, body, { clientId });
    return executeFromHttp<UpdateClientProfileDto, ClientCommandResult>(
      this.commandBus,
      this.metrics,
      updateClientProfile,
      dto,
      req,
    );
  }
}
