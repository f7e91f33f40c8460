import type { StatisticsSnapshotReadDto } from '../statistics-read.dto';

export class ActivityStatisticsQuery {
  constructor(readonly filter: StatisticsSnapshotReadDto) {}
}
