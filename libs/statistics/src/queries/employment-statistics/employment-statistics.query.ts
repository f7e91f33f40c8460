import type { StatisticsSnapshotReadDto } from '../statistics-read.dto';
import type { Disclosure } from '../disclosure';

export class EmploymentStatisticsQuery {
  constructor(
    readonly filter: StatisticsSnapshotReadDto,
    /** Exact for a center's own staff; suppressed for every reader above the center. */
    readonly disclosure: Disclosure,
  ) {}
}
