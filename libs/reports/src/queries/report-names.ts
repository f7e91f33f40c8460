import type { ReportNames } from '../exports/report-rows';
import type { CentersDirectory } from '../ports';

/** A center id as its name in config/centers.json (the id itself when the directory does not list it, or is not loaded). */
export function reportNames(centers: CentersDirectory | undefined): ReportNames {
  return { centerName: (centerId) => centers?.get(centerId)?.name };
}
