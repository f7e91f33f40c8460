import type { PlacementEvent } from '@saeil/contracts';

/** What a program needs to know about one of her placements (from her `placements-<clientId>` stream). */
export interface PlacementFacts {
  placementId: string;
  startOn: string;
  status: 'active' | 'ended' | 'voided';
}

/** Her placements by id, folded from the placement context's public events. */
export function placementsOf(events: readonly { type: string; data: object }[]): Record<string, PlacementFacts> {
  const placements: Record<string, PlacementFacts> = {};
  for (const event of events as PlacementEvent[]) {
    if (event.type === 'EmploymentStarted')
      placements[event.data.placementId] = {
        placementId: event.data.placementId,
        startOn: event.data.startOn,
        status: 'active',
      };
    else if (event.type === 'EmploymentEnded' && placements[event.data.placementId])
      placements[event.data.placementId] = { ...placements[event.data.placementId], status: 'ended' };
    else if (event.type === 'PlacementVoided' && placements[event.data.placementId])
      placements[event.data.placementId] = { ...placements[event.data.placementId], status: 'voided' };
  }
  return placements;
}
