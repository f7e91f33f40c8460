import type { KpiAchievementDto } from './kpi-achievement.dto';

export class KpiAchievementQuery {
  constructor(
    readonly planId: string,
    readonly options: KpiAchievementDto,
  ) {}
}
