import type { StatisticsSnapshotReadDto } from '../statistics-read.dto';

export class EmploymentStatisticsQuery {
  constructor(readonly filter: StatisticsSnapshotReadDto) {}
}
