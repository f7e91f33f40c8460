import type { EmploymentEndReason, EmploymentStartedV1, PlacementEvent } from '@saeil/contracts';

/** A placement as recorded (the EmploymentStarted payload) and what happened to it since. */
export interface PlacementView extends Omit<EmploymentStartedV1, 'clientId'> {
  status: 'active' | 'ended' | 'voided';
  endedOn?: string;
  endReason?: EmploymentEndReason;
  endNote?: string;
  voidReason?: string;
}

export interface StartupView {
  startupId: string;
  businessName: string;
  industry: string;
  startedOn: string;
  teamId?: string;
  grants: { amount: number; paidOn: string; grantYear: number }[];
}

export interface PlacementHistory {
  clientId: string;
  placements: PlacementView[];
  startups: StartupView[];
  /** Version of her placements stream this answer was read at. */
  streamVersion: number;
}

/** Her placements (oldest first, voided ones included and marked) and startups, folded from her stream. */
export function placementHistory(
  clientId: string,
  events: { type: string; data: object; streamVersion: number }[],
): PlacementHistory {
  const placements = new Map<string, PlacementView>();
  const startups = new Map<string, StartupView>();
  for (const stored of events) {
    const event = { type: stored.type, data: stored.data } as PlacementEvent;
    switch (event.type) {
      case 'EmploymentStarted': {
        const { clientId: _, ...job } = event.data;
        placements.set(job.placementId, { ...job, status: 'active' });
        break;
      }
      case 'EmploymentEnded': {
        const p = placements.get(event.data.placementId);
        if (p)
          Object.assign(p, {
            status: 'ended',
            endedOn: event.data.endedOn,
            endReason: event.data.reason,
            ...(event.data.note ? { endNote: event.data.note } : {}),
          });
        break;
      }
      case 'PlacementVoided': {
        const p = placements.get(event.data.placementId);
        if (p) Object.assign(p, { status: 'voided', voidReason: event.data.reason });
        break;
      }
      case 'StartupStarted': {
        const { clientId: _, ...startup } = event.data;
        startups.set(startup.startupId, { ...startup, grants: [] });
        break;
      }
      case 'StartupGrantPaid': {
        const { amount, paidOn, grantYear } = event.data;
        startups.get(event.data.startupId)?.grants.push({ amount, paidOn, grantYear });
        break;
      }
    }
  }
  return {
    clientId,
    placements: [...placements.values()],
    startups: [...startups.values()],
    streamVersion: events.at(-1)?.streamVersion ?? 0,
  };
}
