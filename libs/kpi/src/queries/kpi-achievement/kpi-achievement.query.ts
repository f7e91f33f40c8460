import type { KpiAchievementDto } from './kpi-achievement.dto';

export class KpiAchievementQuery {
  constructor(
    readonly planId: string,
    readonly options: KpiAchievementDto,
    /** A reader above the center (regional supervisor, Ministry analyst) sees small person counts suppressed. */
    readonly disclosure: 'exact' | 'suppressed' = 'exact',
  ) {}
}
