import type { RetentionStatisticsDto } from './retention-statistics.dto';

export class RetentionStatisticsQuery {
  constructor(readonly filter: RetentionStatisticsDto) {}
}
