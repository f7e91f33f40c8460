import type { ListCounselingSessionsDto } from './list-counseling-sessions.dto';

export class ListCounselingSessionsQuery {
  constructor(
    readonly clientId: string,
    readonly paging: ListCounselingSessionsDto,
  ) {}
}
