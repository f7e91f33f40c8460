import { PagedReadDto } from '../paging.dto';

export class CaseTimelineDto extends PagedReadDto {}
