import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogged } from '@saeil/access-log';
import { ApiAnswer } from '@saeil/core';
import { PlacementHistoryResponse } from './placement-history.response';
import { ListPlacementsQuery } from './list-placements.query';
import { PlacementHistory } from './placement-history';
import { CASE_READERS, Roles, ScopedRecords } from '@saeil/identity';

@ApiTags('placement')
@Roles(...CASE_READERS)
@ScopedRecords({ kind: 'client', param: 'clientId' })
@Controller('clients/:clientId/placements')
export class ListPlacementsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @AccessLogged('read.client-record', { subject: 'clientId' })
  @ApiOperation({ summary: 'Her placements (voided ones marked) and startups with their grants, from her stream' })
  @ApiAnswer(PlacementHistoryResponse)
  list(@Param('clientId') clientId: string): Promise<PlacementHistoryResponse> {
    return this.queryBus.execute<ListPlacementsQuery, PlacementHistory>(new ListPlacementsQuery(clientId));
  }
}
