import type { CenterActivitiesDto } from './center-activities.dto';

export class CenterActivitiesQuery {
  constructor(readonly filter: CenterActivitiesDto) {}
}
