import type { FindCaseloadDto } from './find-caseload.dto';

export class FindCaseloadQuery {
  constructor(readonly filter: FindCaseloadDto) {}
}
