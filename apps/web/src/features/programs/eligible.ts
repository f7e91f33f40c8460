import dayjs from 'dayjs';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/** A woman whose placement reached milestone n inside the program's period: she may receive its benefit. */
export interface EligibleBenefit {
  clientId: string;
  name: string | null;
  counselorId: string;
  placementId: string;
  employerName: string;
  n: 1 | 2 | 3;
  milestoneOn: string;
}

/** Start + n calendar months; a day that month lacks becomes its last day (dayjs clamps the same way). */
export function milestoneDate(startOn: string, n: number): string {
  return dayjs(startOn).add(n, 'month').format('YYYY-MM-DD');
}

/**
 * Milestones of not-voided placements dated within the program period and not after today; a
 * placement ended before a milestone does not reach it.
 */
export function eligibleMilestones(
  placement: { placementId: string; employerName: string; startOn: string; status: string; endedOn?: string },
  period: { from: string; to: string },
  today: string,
): { n: 1 | 2 | 3; milestoneOn: string }[] {
  if (placement.status === 'voided') return [];
  return ([1, 2, 3] as const)
    .map((n) => ({ n, milestoneOn: milestoneDate(placement.startOn, n) }))
    .filter(
      (m) =>
        m.milestoneOn >= period.from &&
        m.milestoneOn <= period.to &&
        m.milestoneOn <= today &&
        (!placement.endedOn || placement.endedOn >= m.milestoneOn),
    );
}

/**
 * The center's placed women with a milestone in the period. There is no API for this list yet:
 * the caseload (status 취업, and 종결 for those closed after work) gives the women, each one's
 * placements give the milestones.
 */
export async function loadEligible(
  centerId: string,
  period: { from: string; to: string },
  today: string,
): Promise<EligibleBenefit[]> {
  const page = unwrap(
    await api.GET('/caseload', { params: { query: { centerId, status: 'employed', pageSize: 200 } } }),
  );
  const out: EligibleBenefit[] = [];
  await Promise.all(
    page.items.map(async (c) => {
      const history = unwrap(
        await api.GET('/clients/{clientId}/placements', { params: { path: { clientId: c.clientId } } }),
      );
      for (const p of history.placements) {
        for (const m of eligibleMilestones(p, period, today))
          out.push({
            clientId: c.clientId,
            name: c.name ?? null,
            counselorId: c.counselorId,
            ...('counselorName' in c ? { counselorName: (c as { counselorName?: string | null }).counselorName } : {}),
            placementId: p.placementId,
            employerName: p.employerName,
            ...m,
          });
      }
    }),
  );
  return out.sort((a, b) => b.milestoneOn.localeCompare(a.milestoneOn));
}
