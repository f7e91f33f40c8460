import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid, NotFound, ValidationFailed } from '@saeil/core';
import { EventStore } from '@saeil/event-store';
import { placementsStreamId } from '@saeil/contracts';
import { loadCase } from '@saeil/intake';
import { ListPlacementsQuery } from './list-placements.query';
import { PlacementHistory, placementHistory } from './placement-history';

/** Read from her stream itself: always current, no read model needed for one client. */
@QueryHandler(ListPlacementsQuery)
export class ListPlacementsHandler implements IQueryHandler<ListPlacementsQuery, PlacementHistory> {
  constructor(private readonly store: EventStore) {}

  async execute({ clientId }: ListPlacementsQuery): Promise<PlacementHistory> {
    if (!isUuid(clientId))
      throw new ValidationFailed([{ field: 'clientId', code: 'isUuid', message: 'clientId must be a UUID' }]);
    const herCase = await loadCase(this.store, clientId);
    if (!herCase.state.exists) throw new NotFound('구직자', clientId);
    return placementHistory(clientId, await this.store.readStream(placementsStreamId(clientId)));
  }
}
