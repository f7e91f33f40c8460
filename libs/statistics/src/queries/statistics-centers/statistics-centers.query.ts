import type { StatisticsCentersDto } from './statistics-centers.dto';

export class StatisticsCentersQuery {
  constructor(readonly filter: StatisticsCentersDto) {}
}
