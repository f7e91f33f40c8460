import type { FindCaseloadDto } from './find-caseload.dto';

export class FindCaseloadQuery {
  constructor(
    readonly filter: FindCaseloadDto,
    /** The centers the caller reaches (null: every center); rows of others are never read. */
    readonly centerIds: string[] | null,
  ) {}
}
