import type { RetentionStatisticsDto } from './retention-statistics.dto';
import type { Disclosure } from '../disclosure';

export class RetentionStatisticsQuery {
  constructor(
    readonly filter: RetentionStatisticsDto,
    /** Exact for a center's own staff; suppressed for every reader above the center. */
    readonly disclosure: Disclosure,
  ) {}
}
