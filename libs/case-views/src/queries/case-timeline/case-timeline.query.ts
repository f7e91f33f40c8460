import type { CaseTimelineDto } from './case-timeline.dto';

export class CaseTimelineQuery {
  constructor(
    readonly clientId: string,
    readonly page: CaseTimelineDto,
  ) {}
}
