import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogged } from '@saeil/access-log';
import { ApiAnswer, isUuid, ValidationFailed } from '@saeil/core';
import { CASE_READERS, Roles, ScopedRecords } from '@saeil/identity';
import { ClientProfileResponse } from './client-profile.response';
import { GetClientQuery } from './get-client.query';

@ApiTags('intake')
@Roles(...CASE_READERS)
@ScopedRecords({ kind: 'client', param: 'clientId' })
@Controller('clients/:clientId')
export class GetClientController {
  constructor(private readonly queryBus: QueryBus) {}

  // Her name, birth date and phone opened: logged like every read of a person's record.
  @Get()
  @AccessLogged('read.client-record', { subject: 'clientId' })
  @ApiOperation({
    summary:
      'Her profile for the case page: identity (opened from its envelope), profile, consents in force, center, counselor, registration day',
  })
  @ApiAnswer(ClientProfileResponse)
  get(@Param('clientId') clientId: string): Promise<ClientProfileResponse> {
    if (!isUuid(clientId))
      throw new ValidationFailed([{ field: 'clientId', code: 'isUuid', message: 'clientId must be a UUID' }]);
    return this.queryBus.execute<GetClientQuery, ClientProfileResponse>(new GetClientQuery(clientId));
  }
}
