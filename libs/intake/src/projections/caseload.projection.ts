import type { StoredEvent } from '@saeil/event-store';
import type { ClientRegisteredV1 } from '@saeil/contracts';
import { INTAKE_CONTEXT, INTAKE_EVENT_TYPES } from '@saeil/contracts';
import type { Projection, ProjectionContext } from '@saeil/projections';

/** A counselor's caseload: one row per client she is assigned. */
export const caseloadProjection: Projection = {
  name: 'caseload',
  tables: ['rm_caseload'],
  contexts: [INTAKE_CONTEXT],
  eventTypes: [...INTAKE_EVENT_TYPES],

  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    switch (event.type) {
      case 'ClientRegistered': {
        const data = event.data as unknown as ClientRegisteredV1;
        await ctx.query(
          `INSERT INTO ${ctx.table('rm_caseload')}
             (client_id, center_id, counselor_id, name, birth_date, phone, status, registered_at, last_event_at, last_position)
           VALUES ($1, $2, $3, $4, $5, $6, 'intake', $7, $7, $8)`,
          [data.clientId, data.centerId, data.counselorId, data.name, data.birthDate, data.phone, event.metadata.occurredAt, event.globalPosition],
        );
        return;
      }
    }
  },
};
