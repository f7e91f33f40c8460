import { Body, Controller, HttpCode, Param, Patch, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Metrics } from '@saeil/observability';
import { executeFromHttp } from '@saeil/runtime';
import { caseCommandDto, ClientCommandResult } from '../case-command';
import { updateClientProfile } from './update-client-profile.command';
import { UpdateClientProfileBody, UpdateClientProfileDto } from './update-client-profile.dto';

@ApiTags('intake')
@Controller('clients/:clientId/profile')
export class UpdateClientProfileController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: Metrics,
  ) {}

  @Patch()
  @HttpCode(200)
  @ApiOperation({ summary: '프로필 수정: change profile fields (only the ones sent; needs the service consent)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  update(@Param('clientId') clientId: string, @Body() body: UpdateClientProfileBody, @Req() req: Request): Promise<ClientCommandResult> {
    const dto = caseCommandDto(UpdateClientProfileDto, clientId, body);
    return executeFromHttp<UpdateClientProfileDto, ClientCommandResult>(this.commandBus, this.metrics, updateClientProfile, dto, req);
  }
}
