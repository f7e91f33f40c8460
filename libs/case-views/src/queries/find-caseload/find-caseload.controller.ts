import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessLogged } from '@saeil/access-log';
import { FindCaseloadDto } from './find-caseload.dto';
import { FindCaseloadQuery } from './find-caseload.query';
import { CaseloadPage } from './find-caseload.handler';
import { ApiAnswer, ApiErrors, NotFound } from '@saeil/core';
import { CaseloadPageResponse } from '../case-views.response';
import { CASE_READERS, CurrentAccess, type RequestAccess, Roles } from '@saeil/identity';

@ApiTags('cases')
@Roles(...CASE_READERS)
@Controller('caseload')
export class FindCaseloadController {
  constructor(private readonly queryBus: QueryBus) {}

  // One row per woman on the page: her name and phone are shown, and the law asks whose data.
  @Get()
  @AccessLogged('read.caseload', { subject: (page) => (page as CaseloadPage).items.map((c) => c.clientId) })
  @ApiOperation({
    summary: "A counselor's (or a center's) cases with status, last contact and next action; filters and paging",
  })
  @ApiAnswer(CaseloadPageResponse)
  @ApiErrors(404)
  find(@Query() filter: FindCaseloadDto, @CurrentAccess() access: RequestAccess): Promise<CaseloadPageResponse> {
    if (filter.centerId !== undefined && !access.coversCenter(filter.centerId))
      throw new NotFound('센터', filter.centerId);
    return this.queryBus.execute<FindCaseloadQuery, CaseloadPage>(new FindCaseloadQuery(filter, access.centerIds()));
  }
}
